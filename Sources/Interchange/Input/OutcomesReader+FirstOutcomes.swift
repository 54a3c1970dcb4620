import Assignment
import CompetencyModel
import Foundation

extension OutcomesReader {
  /// The one-outcome-per-pair check of the fast path, on every core: which
  /// rows are the first of their pair (a later row of the pair with the
  /// same value is dropped, as the careful path drops it).
  ///
  /// The rows are partitioned by the top bits of their pair's hash into
  /// buckets of about 512 rows (one counting pass, one pass scattering each
  /// row's hash and index, in file order, into its bucket); the buckets are
  /// then checked on every core, each with a small open-addressing table
  /// that stays in cache (full hashes compared first, then the ids), so a
  /// pair's rows meet in one bucket in file order and no lock is needed.
  ///
  /// - Parameters:
  ///   - rows: The rows, in file order.
  ///   - hashes: Each row's pair hash (equal pairs, equal hashes).
  /// - Returns: Whether each row is kept, and how many are not; `nil` when
  ///   a pair has two different outcomes (the careful path reports it) or
  ///   when the hashes collide so often that probes run long.
  /// - Complexity: O(*n*) reads and writes of hashes and O(*n*) expected
  ///   table work for *n* rows, over the available cores.
  static func firstOutcomes(_ rows: [Row], hashes: [UInt64]) -> (keep: [Bool], dropped: Int)? {
    rows.withUnsafeBufferPointer { rows in
      hashes.withUnsafeBufferPointer { hashes in firstOutcomes(rows, hashes: hashes) }
    }
  }

  /// ``firstOutcomes(_:hashes:)`` on rows and hashes in place.
  ///
  /// - Complexity: As ``firstOutcomes(_:hashes:)``.
  static func firstOutcomes(
    _ rows: UnsafeBufferPointer<Row>, hashes: UnsafeBufferPointer<UInt64>
  ) -> (keep: [Bool], dropped: Int)? {
    precondition(rows.count == hashes.count, "One hash per row")
    let count = rows.count
    guard count < Int(UInt32.max) else { return nil }
    // About 512 rows per bucket, at most 2^14 buckets.
    var bits = 0
    while bits < 14 && count >> (bits + 9) > 0 { bits += 1 }
    let buckets = 1 << bits
    func bucket(_ hash: UInt64) -> Int { bits == 0 ? 0 : Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }
    // Where each bucket starts among the entries.
    var starts = [Int](repeating: 0, count: buckets + 1)
    for index in 0..<count { starts[bucket(hashes[index]) + 1] += 1 }
    for b in 0..<buckets { starts[b + 1] += starts[b] }
    let entries = [Entry](unsafeUninitializedCapacity: count) { entries, initialized in
      var next = starts
      for index in 0..<count {
        let hash = hashes[index]
        let b = bucket(hash)
        entries[next[b]] = Entry(hash: hash, index: UInt32(truncatingIfNeeded: index))
        next[b] += 1
      }
      initialized = count
    }
    let bucketStarts = starts
    let parts = count >= 1 << 15 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    var keep = [Bool](repeating: true, count: count)
    let results = ResultSlots<Int?>(count: parts)
    keep.withUnsafeMutableBufferPointer { keep in
      entries.withUnsafeBufferPointer { entries in
        let shared = SharedRows(rows: rows, entries: entries, keep: keep)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          // Consecutive buckets (hashes spread rows evenly over them).
          let mine = buckets * part / parts..<buckets * (part + 1) / parts
          results.put(firstRows(buckets: mine, starts: bucketStarts, shared), at: part)
        }
      }
    }
    var dropped = 0
    for part in 0..<parts {
      guard let partDropped = results.take(part) else { return nil }
      dropped += partDropped
    }
    return (keep, dropped)
  }

  /// A row's pair hash and index, in its bucket.
  private struct Entry {
    var hash: UInt64
    var index: UInt32
  }

  /// The rows, the bucketed entries and the keep flags the parts share:
  /// each part only reads the rows and entries, and writes the flags of its
  /// own buckets' rows, which no other part touches (`concurrentPerform`
  /// returns when all are done).
  private struct SharedRows: @unchecked Sendable {
    let rows: UnsafeBufferPointer<Row>
    let entries: UnsafeBufferPointer<Entry>
    let keep: UnsafeMutableBufferPointer<Bool>
  }

  /// Probes past this many slots send the file to the careful path.
  private static let longestProbe = 64

  /// Marks the repeated rows of the pairs in `buckets`; returns how many,
  /// or `nil` on a pair with two different outcomes or a probe past
  /// ``longestProbe``.
  private static func firstRows(buckets: Range<Int>, starts: [Int], _ shared: SharedRows) -> Int? {
    let rows = shared.rows
    let entries = shared.entries
    var largest = 0
    for b in buckets { largest = max(largest, starts[b + 1] - starts[b]) }
    var capacity = 16
    while capacity < 2 * largest { capacity <<= 1 }
    // A slot holds the entry's place in its bucket + 1 (0: empty).
    var table = [UInt32](repeating: 0, count: capacity)
    var dropped = 0
    return table.withUnsafeMutableBufferPointer { table -> Int? in
      for b in buckets {
        let start = starts[b]
        let size = starts[b + 1] - start
        if size == 0 { continue }
        var bucketCapacity = 16
        while bucketCapacity < 2 * size { bucketCapacity <<= 1 }
        let mask = bucketCapacity - 1
        table.baseAddress!.update(repeating: 0, count: bucketCapacity)
        for place in 0..<size {
          let entry = entries[start + place]
          var slot = Int(truncatingIfNeeded: entry.hash) & mask
          var probes = 0
          while true {
            let held = Int(table[slot])
            if held == 0 {
              table[slot] = UInt32(truncatingIfNeeded: place + 1)
              break
            }
            let earlier = entries[start + held - 1]
            if earlier.hash == entry.hash {
              let firstRow = rows[Int(earlier.index)]
              let row = rows[Int(entry.index)]
              if firstRow.pair == row.pair {
                guard firstRow.value == row.value else { return nil }
                shared.keep[Int(entry.index)] = false
                dropped += 1
                break
              }
            }
            probes += 1
            if probes > longestProbe { return nil }
            slot = (slot + 1) & mask
          }
        }
      }
      return dropped
    }
  }
}
