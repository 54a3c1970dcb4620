import CompetencyModel
import Foundation

/// Reads a working time zone from a cell as an offset from UTC in minutes.
///
/// Accepted forms, case-insensitive:
/// - `UTC`, `GMT`, `Z`: offset 0;
/// - `UTC+2`, `GMT-5`, `UTC+05:30`, `UTC-0330`: UTC or GMT with an offset;
/// - `+05:30`, `-0800`, `+2`: a bare offset (hours, `H:MM`, `HH:MM` or `HHMM`);
/// - an IANA name such as `Europe/Berlin`, resolved at a reference date so
///   that daylight saving time gives the same answer on every run.
///
/// Offsets beyond ±14 hours are rejected, as are minutes of 60 or more.
public enum TimeZoneParser {
  /// The default reference date, 2026-01-01T00:00:00Z: IANA names resolve to
  /// their (northern) winter offsets.
  public static let defaultReferenceDate = Date(timeIntervalSince1970: 1_767_225_600)

  /// The date at which a programme's cohort files resolve IANA names:
  /// midnight UTC of `start` when the programme has a start date, else
  /// ``defaultReferenceDate``.
  ///
  /// - Parameter start: The configuration's `programme.start`.
  /// - Returns: The reference date for ``minutesFromUTC(_:at:)``.
  /// - Complexity: O(1).
  public static func referenceDate(programmeStart start: CalendarDate?) -> Date {
    guard let start else { return defaultReferenceDate }
    let days = start.daysSince1970
    return Date(timeIntervalSince1970: Double(days) * 86_400)
  }

  /// The largest accepted offset from UTC, in minutes (14 hours).
  public static let maximumOffsetMinutes = 14 * 60

  /// Parses a time zone.
  ///
  /// - Parameters:
  ///   - text: The cell's text; surrounding whitespace is ignored.
  ///   - referenceDate: The date at which IANA names are resolved.
  /// - Returns: The offset from UTC in minutes, within ±14 hours.
  /// - Throws: ``ValueError`` for a malformed offset, an offset beyond
  ///   ±14 hours, or an unknown name.
  /// - Complexity: O(length of `text`); the first IANA lookup that needs a
  ///   case-insensitive match loads the list of known names.
  public static func minutesFromUTC(_ text: String, at referenceDate: Date = defaultReferenceDate)
    throws(ValueError) -> Int
  {
    let trimmed = CellText.trimmed(text)
    let upper = trimmed.uppercased()
    if ["UTC", "GMT", "Z", "UT"].contains(upper) { return 0 }
    var offset: Substring?
    if upper.hasPrefix("UTC") || upper.hasPrefix("GMT") {
      offset = Substring(CellText.trimmed(String(trimmed.dropFirst(3))))
    } else if trimmed.hasPrefix("+") || trimmed.hasPrefix("-") {
      offset = Substring(trimmed)
    }
    if let offset {
      guard let minutes = parseOffset(offset) else {
        throw ValueError("'\(trimmed)' is not a UTC offset; expected \(expected)")
      }
      guard abs(minutes) <= maximumOffsetMinutes else {
        throw ValueError("the offset '\(trimmed)' is beyond ±14 hours; expected \(expected)")
      }
      return minutes
    }
    let zone =
      TimeZone(identifier: trimmed)
      ?? lowercasedIdentifiers[trimmed.lowercased()].flatMap { TimeZone(identifier: $0) }
    guard let zone else {
      throw ValueError("unknown time zone '\(trimmed)'; expected \(expected)")
    }
    return zone.secondsFromGMT(for: referenceDate) / 60
  }

  /// Formats an offset the way ``CohortWriter`` writes it: `UTC`, or
  /// `UTC+HH:MM` / `UTC-HH:MM`.
  ///
  /// - Parameter minutes: The offset from UTC in minutes.
  /// - Returns: The text, such as `"UTC+05:30"`.
  /// - Complexity: O(1).
  public static func format(minutes: Int) -> String {
    if minutes == 0 { return "UTC" }
    let sign = minutes < 0 ? "-" : "+"
    let hours = abs(minutes) / 60
    let rest = abs(minutes) % 60
    return "UTC" + sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "")
      + String(rest)
  }

  private static let expected =
    "UTC, an offset such as UTC+2, UTC-03:30 or +05:30, or a time zone name such as Europe/Berlin"

  /// Known IANA names by their lower-cased form, for forgiving lookups.
  private static let lowercasedIdentifiers: [String: String] = Dictionary(
    TimeZone.knownTimeZoneIdentifiers.map { ($0.lowercased(), $0) },
    uniquingKeysWith: { first, _ in first })

  /// Parses `[+-]H`, `[+-]HH`, `[+-]H:MM`, `[+-]HH:MM` or `[+-]HHMM`.
  ///
  /// - Returns: Signed minutes, or `nil` when malformed.
  private static func parseOffset(_ text: Substring) -> Int? {
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let body = text.dropFirst()
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }) else {
      return nil
    }
    let hours: Substring
    let minutes: Substring
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    switch (parts.count, body.count) {
    case (2, _):
      (hours, minutes) = (parts[0], parts[1])
      guard minutes.count == 2 else { return nil }
    case (1, 1...2):
      (hours, minutes) = (body, "0")
    case (1, 4):
      (hours, minutes) = (body.prefix(2), body.suffix(2))
    default:
      return nil
    }
    guard (1...2).contains(hours.count), let h = Int(hours), let m = Int(minutes), m < 60 else {
      return nil
    }
    return (sign == "-" ? -1 : 1) * (h * 60 + m)
  }
}
