import CompetencyModel
import Interchange
import Testing

/// `programme.start` is bounded to the years 1900–2999 at the reader, so
/// milestone dates (up to 520 weeks later) always stay four-digit years.
@Test(arguments: ["0000-01-01", "9999-12-27", "1899-12-31", "3000-01-01"])
func programmeStartOutsideTheYearsIsAnErrorAtItsCell(start: String) {
  do {
    _ = try ConfigurationReader.parse("programme:\n  start: \(start)\n", file: "c.yaml")
    Issue.record("\(start) was accepted")
  } catch {
    #expect(
      error.errors.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } == [
        "c.yaml:2:10: 'programme.start' is \(start); expected a year from 1900 to 2999"
      ])
  }
}

@Test(arguments: ["1900-01-01", "2999-12-31", "2026-01-12"])
func programmeStartWithinTheYearsIsRead(start: String) throws {
  let configuration = try ConfigurationReader.parse("programme:\n  start: \(start)\n  weeks: 520\n", file: "c.yaml")
  #expect(configuration.programme.start == CalendarDate(start))
  #expect(configuration.programme.start.map { $0.adding(days: 520 * 7).year < 10_000 } == true)
}
