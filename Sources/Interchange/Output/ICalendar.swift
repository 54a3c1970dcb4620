import CompetencyModel
import Foundation

/// An iCalendar file (RFC 5545) of all-day events, written the way the RFC
/// asks: CRLF line ends, content lines folded at 75 octets without splitting
/// a UTF-8 character, TEXT values escaped (`\\`, `;`, `,`, newlines),
/// parameter values quoted, and every event with a `UID` and a `DTSTAMP`.
///
/// It is a plain calendar (no `METHOD`): the events are there to be
/// imported, nothing is sent or requested.
struct ICalendar: Sendable {
  /// A person taking part.
  struct Attendee: Sendable, Equatable {
    var name: String
    var address: String
  }

  /// One all-day event.
  struct Event: Sendable, Equatable {
    var uid: String
    /// The day, `YYYY-MM-DD`.
    var day: String
    var summary: String
    var description: String
    var attendees: [Attendee]
  }

  /// The product identifier.
  static let productID = "-//MentorMatch//mentor-match invitations//EN"

  /// The organiser, or `nil`.
  var organizer: Attendee?
  /// When the file was made, `YYYY-MM-DD` (written as midnight UTC).
  var stamp: String
  var events: [Event]

  /// The file's bytes.
  ///
  /// - Complexity: O(size of the events).
  func data() -> Data {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(Self.productID)", "CALSCALE:GREGORIAN"]
    for event in events {
      lines.append("BEGIN:VEVENT")
      lines.append("UID:\(Self.text(event.uid))")
      lines.append("DTSTAMP:\(Self.basic(stamp))T000000Z")
      lines.append("DTSTART;VALUE=DATE:\(Self.basic(event.day))")
      lines.append("DTEND;VALUE=DATE:\(Self.basic(Self.nextDay(event.day)))")
      lines.append("SUMMARY:\(Self.text(event.summary))")
      lines.append("DESCRIPTION:\(Self.text(event.description))")
      lines.append("TRANSP:TRANSPARENT")
      if let organizer { lines.append("ORGANIZER;CN=\(Self.parameter(organizer.name)):mailto:\(organizer.address)") }
      for a in event.attendees {
        lines.append(
          "ATTENDEE;CN=\(Self.parameter(a.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:\(a.address)")
      }
      lines.append("END:VEVENT")
    }
    lines.append("END:VCALENDAR")
    return Data(lines.flatMap(Self.fold).map { $0 + "\r\n" }.joined().utf8)
  }

  /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma
  /// and newline; other control characters dropped.
  ///
  /// - Complexity: O(length of `value`).
  static func text(_ value: String) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\t": out += " "
      default: if !DisplayText.isControl(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// A parameter value, always quoted; a double quote (which a quoted
  /// value cannot hold) becomes a single one, control characters go.
  static func parameter(_ value: String) -> String {
    let cleaned = String(
      String.UnicodeScalarView(value.unicodeScalars.filter { !DisplayText.isControl($0) }))
    return "\"" + cleaned.replacingOccurrences(of: "\"", with: "'") + "\""
  }

  /// A content line cut into lines of at most 75 octets, each after the
  /// first starting with a space (RFC 5545 §3.1), never inside a character.
  ///
  /// - Complexity: O(length of `line`).
  static func fold(_ line: String) -> [String] {
    var lines: [String] = []
    var current = ""
    var octets = 0
    for character in line {
      let size = character.utf8.count
      if octets + size > 75 {
        lines.append(current)
        current = " "
        octets = 1
      }
      current.append(character)
      octets += size
    }
    lines.append(current)
    return lines
  }

  /// `20270111` for `2027-01-11`.
  static func basic(_ day: String) -> String { day.replacingOccurrences(of: "-", with: "") }

  /// The day after a `YYYY-MM-DD` day.
  static func nextDay(_ day: String) -> String {
    guard let date = CalendarDate(day) else { preconditionFailure("A day is written YYYY-MM-DD") }
    return date.adding(days: 1).description
  }
}
