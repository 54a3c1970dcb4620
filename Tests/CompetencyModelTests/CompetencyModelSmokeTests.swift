import Testing

@Test func CompetencyModelBuilds() { #expect(1 + 1 == 2) }
