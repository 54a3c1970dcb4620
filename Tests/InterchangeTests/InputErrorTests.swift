import Interchange
import Testing

@Suite struct InputErrorTests {
  @Test func describesErrorsLikeACompiler() {
    let error = InputError(
      file: "mentors.csv", line: 4, column: 17, message: "capacity -1 is negative")
    #expect(error.description == "mentors.csv:4:17: error: capacity -1 is negative")
    #expect(error.severity == .error)
  }

  @Test func describesWarnings() {
    let warning = InputError(
      file: "m.csv", line: 1, column: 3, message: "unknown column", severity: .warning)
    #expect(warning.description == "m.csv:1:3: warning: unknown column")
  }

  @Test func collectionSortsByFileLineAndColumn() {
    let errors = InputErrors([
      InputError(file: "mentors.csv", line: 2, column: 9, message: "c"),
      InputError(file: "mentees.csv", line: 7, column: 1, message: "d"),
      InputError(file: "mentors.csv", line: 2, column: 3, message: "b"),
      InputError(file: "mentors.csv", line: 1, column: 40, message: "a"),
    ])
    #expect(errors.errors.map(\.message) == ["d", "a", "b", "c"])
    #expect(
      errors.description
        == """
        mentees.csv:7:1: error: d
        mentors.csv:1:40: error: a
        mentors.csv:2:3: error: b
        mentors.csv:2:9: error: c
        """)
  }

  @Test func valueErrorDescribesItsMessage() {
    #expect(ValueError("bad").description == "bad")
  }
}
