import CompetencyModel
import Foundation

/// What a human-facing report says it is about: the cohort, the
/// configuration and the date of the run, shown at the top of the HTML
/// report and on the XLSX Summary sheet.
///
/// Invariant: `date` is a calendar day written `YYYY-MM-DD`.
public struct PlanReportContext: Sendable, Equatable {
  /// The cohort, as the user named it (a folder or the two files).
  public var cohort: String
  /// The configuration file, or `nil` for the built-in defaults.
  public var configuration: String?
  /// The day of the run, `YYYY-MM-DD` (UTC).
  public var date: String

  /// Creates a context.
  public init(cohort: String, configuration: String?, date: String) {
    self.cohort = cohort
    self.configuration = configuration
    self.date = date
  }

  /// The configuration in words: the file, or "built-in defaults".
  public var configurationText: String { configuration ?? "built-in defaults" }

  /// Today's date in UTC, `YYYY-MM-DD`; `SOURCE_DATE_EPOCH` (seconds since
  /// 1970, the reproducible-builds convention) replaces the clock when set,
  /// so a report can be made byte for byte again (values from 1970 to the
  /// end of year 9999; others are ignored).
  ///
  /// - Complexity: O(1).
  public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    var seconds = Date().timeIntervalSince1970
    if let epoch = environment["SOURCE_DATE_EPOCH"], let value = Double(epoch), value.isFinite, value >= 0,
      value < 253_402_300_800
    {
      seconds = value
    }
    let days = Int((seconds / 86_400).rounded(.down))
    return CalendarDate(year: 1970, month: 1, day: 1)!.adding(days: days).description
  }
}
