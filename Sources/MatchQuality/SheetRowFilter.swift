import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Cuts a worksheet down to its header row and the rows whose first cell
/// (column A) is one of a few shared strings, before any XML parsing.
///
/// A row qualifies when its first cell is `<c r="A…" … t="s"><v>k</v></c>`
/// with `strings[k]` among the wanted texts. One pass finds every `r="A`
/// reference with `memchr`, widens it to its enclosing `<row …>…</row>` and
/// reads the first cell's shared-string index. The result is a small, well-formed worksheet
/// that ``ONETSkillTable`` parses as usual, so every rating still passes the
/// same checks (a missing row is reported as a missing rating).
enum SheetRowFilter {
  /// The filtered worksheet.
  ///
  /// - Complexity: O(worksheet bytes · wanted texts), in `memchr`.
  static func rows(
    of sheet: Data, firstCellAmong wanted: Set<String>, strings: [String], path: String
  ) throws(RealDataError) -> Data {
    let indices = strings.indices.filter { wanted.contains(strings[$0]) }
    let missing = wanted.subtracting(indices.map { strings[$0] })
    guard missing.isEmpty else {
      throw RealDataError(file: path, message: "no occupation \(missing.sorted().joined(separator: ", "))")
    }
    let bytes = [UInt8](sheet)
    var rows: [Range<Int>] = []
    guard let header = row(around: firstOccurrence(Array("<row ".utf8), in: bytes, from: 0) ?? -1, in: bytes) else {
      throw RealDataError(file: path, message: "xl/worksheets/sheet1.xml has no rows")
    }
    // One pass over the column-A cell references: the sheet's only
    // upper-case "A" bytes outside element names are in `r="A…"`. The loop
    // works on raw bytes so that it stays fast in debug builds.
    let wantedIndices = Set(indices)
    let candidates: [(hit: Int, index: Int)] = bytes.withUnsafeBufferPointer { buffer in
      var found: [(hit: Int, index: Int)] = []
      let base = UnsafeRawPointer(buffer.baseAddress!)
      let count = buffer.count
      var offset = header.upperBound
      while offset < count, let pointer = memchr(base + offset, Int32(UInt8(ascii: "A")), count - offset) {
        let hit = UnsafeRawPointer(pointer) - base
        offset = hit + 1
        guard hit >= 3, buffer[hit - 3] == UInt8(ascii: "r"), buffer[hit - 1] == UInt8(ascii: "\"") else { continue }
        // The cell's value: the digits after the next "<v>".
        guard let open = memchr(base + hit, Int32(UInt8(ascii: "<")), count - hit) else { break }
        var digit = UnsafeRawPointer(open) - base
        guard digit + 3 < count, buffer[digit + 1] == UInt8(ascii: "v"), buffer[digit + 2] == UInt8(ascii: ">") else {
          continue
        }
        digit += 3
        var k = 0
        while digit < count, buffer[digit] >= UInt8(ascii: "0"), buffer[digit] <= UInt8(ascii: "9") {
          k = k * 10 + Int(buffer[digit] - UInt8(ascii: "0"))
          digit += 1
        }
        offset = digit
        if wantedIndices.contains(k) { found.append((hit, k)) }
      }
      return found
    }
    for candidate in candidates {
      guard let range = row(around: candidate.hit, in: bytes), isFirstCell(candidate.hit, of: range, in: bytes)
      else { continue }
      rows.append(range)
    }
    var result = Data("<worksheet><sheetData>".utf8)
    result.append(contentsOf: bytes[header])
    for range in rows.sorted(by: { $0.lowerBound < $1.lowerBound }) { result.append(contentsOf: bytes[range]) }
    result.append(contentsOf: Array("</sheetData></worksheet>".utf8))
    return result
  }

  /// The offset of the first occurrence of `pattern` at or after `start`
  /// (`memchr` for the first byte, then `memcmp`).
  static func firstOccurrence(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !pattern.isEmpty else { return start }
    return bytes.withUnsafeBytes { haystack in
      pattern.withUnsafeBytes { needle in
        let base = haystack.baseAddress!
        var offset = start
        while offset + needle.count <= haystack.count {
          guard let hit = memchr(base + offset, Int32(pattern[0]), haystack.count - offset - needle.count + 1) else {
            return nil
          }
          let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
          if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return position }
          offset = position + 1
        }
        return nil
      }
    }
  }

  /// The `<row …>…</row>` range enclosing `offset`.
  static func row(around offset: Int, in bytes: [UInt8]) -> Range<Int>? {
    guard offset >= 0 else { return nil }
    let open = Array("<row ".utf8)
    var start = offset
    while start >= 0 && !bytes[start...].starts(with: open) { start -= 1 }
    guard start >= 0, let close = firstOccurrence(Array("</row>".utf8), in: bytes, from: offset) else { return nil }
    return start..<(close + 6)
  }

  /// Whether the reference at `hit` belongs to the row's first cell, which is
  /// a shared string (`t="s"`) in column A.
  static func isFirstCell(_ hit: Int, of row: Range<Int>, in bytes: [UInt8]) -> Bool {
    guard let cell = firstOccurrence(Array("<c ".utf8), in: bytes, from: row.lowerBound),
      let end = firstOccurrence(Array("<v>".utf8), in: bytes, from: cell), end < row.upperBound
    else { return false }
    return cell < hit && hit < end && shared(bytes[cell..<end])
  }

  /// Whether a cell's start tag marks a shared string.
  static func shared(_ tag: ArraySlice<UInt8>) -> Bool {
    let marker = Array("t=\"s\"".utf8)
    return tag.indices.contains { tag[$0...].starts(with: marker) }
  }
}
