import CompetencyModel
import Foundation

/// A plain-text e-mail message as an RFC 5322 file (`.eml`): CRLF line
/// ends, header lines folded at 78 characters, MIME 1.0 headers (RFC 2045)
/// with a UTF-8 `text/plain` body in quoted-printable, optionally one
/// attachment in base64 (`multipart/mixed`), and names and subjects that are
/// not plain ASCII as RFC 2047 encoded words.
///
/// Nothing from the input can add a header: names and the subject are
/// quoted or encoded (a CR or LF never reaches a header line) and addresses
/// are checked by ``isAddress(_:)``.
struct EmailMessage {
  /// A mailbox: a display name and an address.
  struct Mailbox: Sendable, Equatable {
    var name: String
    var address: String
  }

  var from: Mailbox
  var to: [Mailbox]
  var subject: String
  /// The `Date:` header's value, RFC 5322 `date-time`.
  var date: String
  /// The `Message-ID:` header's value without the angle brackets.
  var messageID: String
  /// The body, lines separated by LF.
  var body: String
  /// An attachment: file name (ASCII), MIME type and bytes.
  var attachment: (name: String, type: String, data: Data)? = nil

  /// Whether `address` is a plain ASCII `local@domain` with nothing a
  /// header could be split or misread by (no space, control character,
  /// angle bracket, quote, comma, semicolon, colon or backslash).
  ///
  /// - Complexity: O(length of `address`).
  static func isAddress(_ address: String) -> Bool {
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
    let banned = Set("<>()[]\\,;:\"@ ".utf8)
    return address.utf8.allSatisfy { (0x21...0x7E).contains($0) && ($0 == UInt8(ascii: "@") || !banned.contains($0)) }
  }

  /// The message's bytes.
  ///
  /// - Complexity: O(size of the message).
  func data() -> Data {
    var lines: [String] = []
    lines += Self.folded("From", [Self.mailbox(from)])
    if !to.isEmpty {
      let list = to.map(Self.mailbox)
      lines += Self.folded("To", list.enumerated().map { $0.offset < list.count - 1 ? $0.element + "," : $0.element })
    }
    let subjectWords =
      EncodedWord.isPlain(subject) ? subject.split(separator: " ").map(String.init) : EncodedWord.encode(subject)
    lines += Self.folded("Subject", subjectWords)
    lines.append("Date: \(date)")
    lines.append("Message-ID: <\(messageID)>")
    lines.append("MIME-Version: 1.0")
    let text =
      [
        "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
      ] + QuotedPrintable.encode(body)
    if let attachment {
      // "=_" never occurs in quoted-printable (which writes "=" as "=3D")
      // or base64, so no line of either part can be taken for the boundary.
      let boundary = "=_mentor-match_part"
      lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
      lines.append("")
      lines.append("--\(boundary)")
      lines += text
      lines.append("--\(boundary)")
      lines.append("Content-Type: \(attachment.type); charset=UTF-8; name=\"\(attachment.name)\"")
      lines.append("Content-Disposition: attachment; filename=\"\(attachment.name)\"")
      lines.append("Content-Transfer-Encoding: base64")
      lines.append("")
      let encoded = attachment.data.base64EncodedString()
      var index = encoded.startIndex
      while index < encoded.endIndex {
        let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
        lines.append(String(encoded[index..<end]))
        index = end
      }
      lines.append("--\(boundary)--")
    } else {
      lines += text
    }
    return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
  }

  /// `"Name" <address>`, or encoded words `<address>` for a name that is not
  /// plain ASCII; the bare address when the name is empty.
  static func mailbox(_ box: Mailbox) -> String {
    let name = box.name.trimmingCharacters(in: .whitespaces)
    if name.isEmpty { return box.address }
    if EncodedWord.isPlain(name) {
      let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      return "\"\(quoted)\" <\(box.address)>"
    }
    return EncodedWord.encode(name).joined(separator: " ") + " <\(box.address)>"
  }

  /// A header of `tokens` joined by spaces, folded before a token that
  /// would take the line past 78 characters (RFC 5322 §2.2.3).
  static func folded(_ name: String, _ tokens: [String]) -> [String] {
    var lines: [String] = []
    var line = "\(name):"
    for token in tokens.flatMap({ $0.split(separator: " ").map(String.init) }) {
      if line.count + 1 + token.count > 78 && line.contains(" ") {
        lines.append(line)
        line = " " + token
      } else {
        line += " " + token
      }
    }
    lines.append(line)
    return lines
  }

  /// `Mon, 04 Jan 2027 09:00:00 +0000` for a `YYYY-MM-DD` day at 09:00 UTC.
  static func dateTime(_ day: String) -> String {
    let names = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    guard let date = CalendarDate(day) else { preconditionFailure("A day is written YYYY-MM-DD") }
    let weekday = names[((date.daysSince1970 % 7) + 7) % 7]
    let dd = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    return "\(weekday), \(dd) \(months[date.month - 1]) \(date.year) 09:00:00 +0000"
  }
}
