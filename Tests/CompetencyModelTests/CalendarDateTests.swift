import CompetencyModel
import Foundation
import Testing

@Suite struct CalendarDateTests {
  @Test func parsesAndPrintsIsoDates() {
    #expect(CalendarDate("2026-01-12")?.description == "2026-01-12")
    #expect(CalendarDate("2024-02-29") != nil)
    #expect(CalendarDate("2026-02-29") == nil)
    #expect(CalendarDate("2026-1-12") == nil)
    #expect(CalendarDate("12.01.2026") == nil)
  }

  @Test func addingDaysAgreesWithFoundation() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let start = CalendarDate(year: 2023, month: 12, day: 30)!
    let reference = calendar.date(from: DateComponents(year: 2023, month: 12, day: 30))!
    for offset in stride(from: -800, through: 2000, by: 37) {
      let expected = calendar.dateComponents(
        [.year, .month, .day], from: calendar.date(byAdding: .day, value: offset, to: reference)!)
      let date = start.adding(days: offset)
      let ours: [Int] = [date.year, date.month, date.day]
      let theirs: [Int] = [expected.year!, expected.month!, expected.day!]
      #expect(ours == theirs)
    }
  }
}
