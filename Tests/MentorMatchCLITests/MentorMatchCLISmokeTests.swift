import Testing

@Test func MentorMatchCLIBuilds() { #expect(1 + 1 == 2) }
