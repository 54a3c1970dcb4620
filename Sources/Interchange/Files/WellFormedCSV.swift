import Assignment
import Foundation

/// The shared loops of the readers' fast paths: lines and cells of CSV text
/// that is plainly well formed (no quotes, no carriage return but in a CRLF
/// line end), found on the raw bytes, and line-aligned chunks for the cores.
///
/// A fast path only ever answers for input its careful path would accept
/// with the same result; on anything unusual it steps aside (`nil`), and the
/// careful path reads the file and reports every problem at its
/// file:line:column.
enum WellFormedCSV {
  /// Where the line starting at `from` ends: the end of its content (before
  /// LF or CRLF) and the start of the next line; `nil` when the line holds a
  /// quote or a carriage return not followed by a line feed, which only the
  /// careful path reads.
  ///
  /// - Complexity: O(length of the line).
  @inline(__always)
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> (contentEnd: Int, next: Int)? {
    guard from < limit else { return (from, from) }
    // memchr scans a line far faster than a byte loop: find its LF, then any
    // CR or quote before it.
    let base = bytes.baseAddress!
    func find(_ byte: UInt8, _ start: Int, _ end: Int) -> Int? {
      guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
      return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
    let end = find(CSVTokenizer.lineFeed, from, limit) ?? limit
    let cr = find(CSVTokenizer.carriageReturn, from, end)
    if find(CSVTokenizer.quote, from, cr ?? end) != nil { return nil }
    if let cr {
      // Only a CR right before the LF ends the line; any other CR is left to the careful path.
      return cr == end - 1 && end < limit ? (cr, end + 1) : nil
    }
    return (end, end < limit ? end + 1 : end)
  }

  /// The start of each of `parts` line-aligned chunks of `bytes[from...]`,
  /// then `bytes.count`: more than one part only for a megabyte or more,
  /// `perCore` parts per core (up to 8 cores), so that a core that starts
  /// late or is slowed by others' work takes fewer of them.
  ///
  /// - Complexity: O(length of the lines cut).
  static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, perCore: Int = 1) -> [Int] {
    let count = bytes.count
    let parts =
      count - from >= 1 << 20 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) * max(1, perCore) : 1
    var bounds = [from]
    for part in 1..<parts {
      var cut = max(bounds[bounds.count - 1], from + (count - from) * part / parts)
      while cut < count && cut > from && bytes[cut - 1] != CSVTokenizer.lineFeed { cut += 1 }
      bounds.append(cut)
    }
    bounds.append(count)
    return bounds
  }

  /// Runs `body` on every chunk of ``chunks(_:from:)``, in parallel, and
  /// returns the results in chunk order.
  ///
  /// - Complexity: That of `body` over all chunks, over the available cores.
  static func map<Value>(
    _ bytes: UnsafeBufferPointer<UInt8>, chunks bounds: [Int],
    _ body: @Sendable (_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value
  ) -> [Value] {
    let slots = ResultSlots<Value>(count: bounds.count - 1)
    let shared = SharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      slots.put(body(shared.bytes, bounds[part]..<bounds[part + 1]), at: part)
    }
    return slots.all()
  }

  /// Runs `body` on every chunk of ``chunks(_:from:)`` with the chunk's
  /// number, in parallel, and returns the results in chunk order.
  ///
  /// - Complexity: That of `body` over all chunks, over the available cores.
  static func mapParts<Value>(
    _ bytes: UnsafeBufferPointer<UInt8>, chunks bounds: [Int],
    _ body: @Sendable (_ part: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value
  ) -> [Value] {
    let slots = ResultSlots<Value>(count: bounds.count - 1)
    let shared = SharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      slots.put(body(part, shared.bytes, bounds[part]..<bounds[part + 1]), at: part)
    }
    return slots.all()
  }

  /// The number of lines of `bytes[range]` (whole lines), as
  /// ``PlainLineCells/forEachRow(_:_:fields:_:)`` counts them: one per line
  /// feed, and one for a last line without one.
  ///
  /// - Complexity: O(`range.count`), by `memchr`.
  static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    let base = bytes.baseAddress!
    var count = 0
    var index = range.lowerBound
    while index < range.upperBound,
      let hit = memchr(base + index, Int32(CSVTokenizer.lineFeed), range.upperBound - index)
    {
      count += 1
      index = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
    }
    return base[range.upperBound - 1] == CSVTokenizer.lineFeed ? count : count + 1
  }

  /// The bytes handed to the worker threads, which only read them while
  /// the caller's buffer is alive (`concurrentPerform` returns when all are
  /// done).
  private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
  }

  /// `bytes[start..<end]` without leading and trailing spaces and tabs.
  ///
  /// - Complexity: O(spaces and tabs removed).
  @inline(__always)
  static func trimmed(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var start = start
    var end = end
    while start < end && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
    while end > start && (base[end - 1] == 0x20 || base[end - 1] == 0x09) { end -= 1 }
    return start..<end
  }

  /// A cell read as a plain decimal by ``DecimalParser/parseFast(bytes:)``.
  ///
  /// - Complexity: O(length of the cell).
  @inline(__always)
  static func plainDecimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> PlainCell {
    let range = trimmed(base, start, end)
    if range.isEmpty { return .empty }
    guard
      let value = DecimalParser.parseFast(
        bytes: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    else { return .other }
    return .number(value)
  }
}
