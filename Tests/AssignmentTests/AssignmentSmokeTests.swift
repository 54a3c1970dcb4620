import Testing

@Test func AssignmentBuilds() { #expect(1 + 1 == 2) }
