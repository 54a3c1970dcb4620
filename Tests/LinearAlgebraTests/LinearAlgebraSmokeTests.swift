import Testing

@Test func LinearAlgebraBuilds() { #expect(1 + 1 == 2) }
