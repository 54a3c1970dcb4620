extension CellText {
  // The header keys of an ASCII name made on its bytes: a header of a
  // hundred competency columns made a lower-cased copy and a filtered or
  // split copy of each name character by character (grapheme breaking and
  // Unicode properties per character), about a tenth of a cohort file's
  // reading at 20,000 rows. On ASCII text they give what the character by
  // character forms give (tested in `CellTextKeyTests`): the only ASCII
  // characters `Character.isWhitespace` accepts are tab, line feed,
  // vertical tab, form feed, carriage return (also as one `\r\n`
  // character) and space, and `lowercased()` changes only `A`–`Z`.

  /// Whether `byte` is ASCII whitespace as `Character.isWhitespace` sees it
  /// (U+0009 to U+000D, U+0020).
  ///
  /// - Complexity: O(1).
  @inline(__always)
  static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  /// `byte` lower-cased when it is `A`–`Z`.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  private static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// ``headerKey(_:)`` of `name` made on its bytes when it is ASCII (its
  /// bytes but `_`, `-` and whitespace, lower-cased), else `nil`.
  ///
  /// - Complexity: O(length of `name`).
  static func asciiHeaderKey(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
      guard InputFile.isASCII(bytes) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { key in
        var count = 0
        for byte in bytes where byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") && !isASCIIWhitespace(byte) {
          key[count] = asciiLowercased(byte)
          count += 1
        }
        return count
      }
    }
  }

  /// ``competencyKey(_:)`` of `name` made on its bytes when it is ASCII
  /// (lower-cased, whitespace at either end dropped, each inner run of it
  /// one space), else `nil`.
  ///
  /// - Complexity: O(length of `name`).
  static func asciiCompetencyKey(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
      guard InputFile.isASCII(bytes) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { key in
        var count = 0
        var gap = false  // whitespace after a word: one space before the next word
        for byte in bytes {
          if isASCIIWhitespace(byte) {
            gap = count > 0
            continue
          }
          if gap {
            key[count] = 0x20
            count += 1
            gap = false
          }
          key[count] = asciiLowercased(byte)
          count += 1
        }
        return count
      }
    }
  }
}
