import Testing

@Test func InterchangeBuilds() { #expect(1 + 1 == 2) }
