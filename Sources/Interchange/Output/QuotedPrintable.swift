/// The quoted-printable content transfer encoding of RFC 2045 §6.7 for UTF-8
/// text: printable ASCII stays readable, every other byte is `=XX`, and
/// lines are at most 76 characters (soft breaks `=` at the end).
enum QuotedPrintable {
  /// The encoded lines of `text` (lines separated by LF; a CR is encoded).
  ///
  /// - Complexity: O(length of `text`).
  static func encode(_ text: String) -> [String] {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = Array(line.utf8)
      var current: [UInt8] = []
      for (k, byte) in bytes.enumerated() {
        let last = k == bytes.count - 1
        var piece: [UInt8]
        if (byte == 0x20 || byte == 0x09) && !last {
          piece = [byte]
        } else if (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=") {
          piece = [byte]
        } else {
          piece = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
        // Room for the soft break's `=` unless this is the line's end.
        if current.count + piece.count > (last ? 76 : 75) {
          out.append(String(decoding: current + [UInt8(ascii: "=")], as: UTF8.self))
          current = []
        }
        current += piece
      }
      out.append(String(decoding: current, as: UTF8.self))
    }
    return out
  }
}
