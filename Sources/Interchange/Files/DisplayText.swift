/// Text from the input made safe to show: every control character becomes a
/// visible escape, so a name cannot move the cursor, retitle or clear a
/// terminal, ring its bell, split a Markdown table row or hide in a report.
///
/// The characters escaped are C0 (U+0000–U+001F, including tab, CR and LF),
/// DEL (U+007F) and C1 (U+0080–U+009F), which together cover every ESC, CSI,
/// OSC and BEL sequence. Each is written as Swift writes it, `\u{1B}`; all
/// other text is unchanged. Every human-facing plan format (table,
/// Markdown, HTML, XLSX, and the name and free-text columns of the CSV plan)
/// applies this to each field taken from the input; identifiers stay exact
/// in the CSV and JSON plans, which are read back by programs.
///
/// ```swift
/// DisplayText.visible("Ann\u{1B}]0;pwned\u{07}")  // "Ann\\u{1B}]0;pwned\\u{7}"
/// ```
public enum DisplayText {
  /// `text` with its control characters written as `\u{…}` escapes.
  ///
  /// - Parameters:
  ///   - text: Any text.
  ///   - keepingLineBreaks: Whether LF and tab stay as they are, for a
  ///     whole multi-line report whose lines and columns are its own
  ///     (`explain`, `compare`, problem reports); CR is escaped all the same.
  /// - Returns: `text` itself when it holds no control character.
  /// - Complexity: O(length of `text`).
  public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard needsEscaping(text) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `scalar` is a C0 or C1 control character or DEL.
  ///
  /// - Complexity: O(1).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether `text` holds a control character (a scan of its UTF-8 bytes).
  private static func needsEscaping(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      // C1 characters are encoded C2 80 … C2 9F.
      if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
      previous = byte
    }
    return false
  }

  /// `text` for HTML content and attributes: control characters made visible
  /// (``visible(_:keepingLineBreaks:)``), then `& < > " '` as entities.
  ///
  /// - Complexity: O(length of `text`).
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in visible(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
