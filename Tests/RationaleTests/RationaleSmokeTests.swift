import Testing

@Test func RationaleBuilds() { #expect(1 + 1 == 2) }
