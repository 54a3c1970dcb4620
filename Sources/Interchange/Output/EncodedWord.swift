import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`), the way a mail header carries
/// text that is not plain ASCII.
///
/// Invariants: every word is at most 60 characters, within RFC 2047's 75
/// and short enough to follow `Subject: ` on a 78-character header line,
/// and holds whole characters only, so each decodes alone.
enum EncodedWord {
  /// The most UTF-8 bytes one word carries: 36 bytes are 48 base64
  /// characters, 60 with the `=?UTF-8?B?` and `?=` around them.
  static let bytesPerWord = 36

  /// Whether `text` can go into a header as it is: printable ASCII and
  /// spaces only, and nothing a decoder would take for an encoded word.
  ///
  /// - Complexity: O(length of `text`).
  static func isPlain(_ text: String) -> Bool {
    text.utf8.allSatisfy { (0x20...0x7E).contains($0) } && !text.contains("=?")
  }

  /// `text` as encoded words, to be joined with single spaces (decoders drop
  /// the space between two encoded words).
  ///
  /// - Complexity: O(length of `text`).
  static func encode(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in text {
      // Control characters have no place in a header: shown as escapes.
      let bytes = Array(DisplayText.visible(String(character)).utf8)
      if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
        words.append(word(chunk))
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
    return words
  }

  private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }
}
