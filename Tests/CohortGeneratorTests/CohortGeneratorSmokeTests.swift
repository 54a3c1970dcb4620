import Testing

@Test func CohortGeneratorBuilds() { #expect(1 + 1 == 2) }
