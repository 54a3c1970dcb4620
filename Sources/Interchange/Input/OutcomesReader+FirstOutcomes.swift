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
  /// row's hash and index, in file order, into its bucket, both on every
  /// core over consecutive ranges of rows); the buckets are
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
    let parts = count >= 1 << 15 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    // The rows in `parts` consecutive ranges; each range counts its rows per
    // bucket, then scatters them after the earlier ranges' rows of the
    // bucket, so every bucket holds its rows in file order.
    let rowBounds = (0...parts).map { count * $0 / parts }
    let bucketBits = bits
    let counts = ResultSlots<[Int]>(count: parts)
    let input = SharedHashes(hashes: hashes)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var mine = [Int](repeating: 0, count: buckets)
      mine.withUnsafeMutableBufferPointer { mine in
        for index in rowBounds[part]..<rowBounds[part + 1] {
          mine[bucket(of: input.hashes[index], bits: bucketBits)] += 1
        }
      }
      counts.put(mine, at: part)
    }
    let partCounts = (0..<parts).map { counts.take($0) }
    // Where each bucket starts among the entries, and where each range's rows of it go.
    var starts = [Int](repeating: 0, count: buckets + 1)
    var partStarts = [[Int]](repeating: [Int](repeating: 0, count: buckets), count: parts)
    for b in 0..<buckets {
      var next = starts[b]
      for part in 0..<parts {
        partStarts[part][b] = next
        next += partCounts[part][b]
      }
      starts[b + 1] = next
    }
    let places = partStarts
    let entries = [Entry](unsafeUninitializedCapacity: count) { entries, initialized in
      let shared = SharedEntries(entries: entries)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        var next = places[part]
        next.withUnsafeMutableBufferPointer { next in
          for index in rowBounds[part]..<rowBounds[part + 1] {
            let hash = input.hashes[index]
            let b = bucket(of: hash, bits: bucketBits)
            shared.entries[next[b]] = Entry(hash: hash, index: UInt32(truncatingIfNeeded: index))
            next[b] += 1
          }
        }
      }
      initialized = count
    }
    let bucketStarts = starts
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

  /// The bucket of a pair hash among `1 << bits`: its top `bits` bits.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  private static func bucket(of hash: UInt64, bits: Int) -> Int {
    bits == 0 ? 0 : Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
  }

  /// A row's pair hash and index, in its bucket.
  private struct Entry {
    var hash: UInt64
    var index: UInt32
  }

  /// The entries the ranges of rows scatter into: each range writes only
  /// its own places (`concurrentPerform` returns when all are done).
  private struct SharedEntries: @unchecked Sendable {
    let entries: UnsafeMutableBufferPointer<Entry>
  }

  /// The rows' hashes, which the ranges only read.
  private struct SharedHashes: @unchecked Sendable {
    let hashes: UnsafeBufferPointer<UInt64>
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
