import Assignment
import CompetencyModel
import Foundation

extension OutcomesReader {
  /// The one-outcome-per-pair check of the fast path, on every core: which
  /// rows are the first of their pair (a later row of the pair with the
  /// same value is dropped, as the careful path drops it).
  ///
  /// The rows are split into shards by their pair's hash, one per core;
  /// each shard walks all rows in file order, takes its own, and keeps an
  /// open-addressing table of its first rows (the hash's upper half as a
  /// tag, the row's index), so a pair's rows meet in one shard in file
  /// order and no lock is needed.
  ///
  /// - Parameters:
  ///   - rows: The rows, in file order.
  ///   - hashes: Each row's pair hash (equal pairs, equal hashes).
  /// - Returns: Whether each row is kept, and how many are not; `nil` when
  ///   a pair has two different outcomes (the careful path reports it) or
  ///   when the hashes collide so often that probes run long.
  /// - Complexity: O(*n* · *s*) reads of hashes and O(*n*) expected table
  ///   work for *n* rows and *s* shards, over the available cores.
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
    let shards = count >= 1 << 15 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    var keep = [Bool](repeating: true, count: count)
    let results = ResultSlots<Int?>(count: shards)
    keep.withUnsafeMutableBufferPointer { keep in
      let shared = SharedRows(rows: rows, hashes: hashes, keep: keep)
      DispatchQueue.concurrentPerform(iterations: shards) { shard in
        results.put(firstRows(shard: shard, of: shards, shared), at: shard)
      }
    }
    var dropped = 0
    for shard in 0..<shards {
      guard let shardDropped = results.take(shard) else { return nil }
      dropped += shardDropped
    }
    return (keep, dropped)
  }

  /// The rows, hashes and keep flags the shards share: each shard only
  /// reads the rows and hashes, and writes the flags of its own rows, which
  /// no other shard touches (`concurrentPerform` returns when all are done).
  private struct SharedRows: @unchecked Sendable {
    let rows: UnsafeBufferPointer<Row>
    let hashes: UnsafeBufferPointer<UInt64>
    let keep: UnsafeMutableBufferPointer<Bool>
  }

  /// Probes past this many slots send the file to the careful path.
  private static let longestProbe = 64

  /// The shard of a hash among `shards`, from its upper half.
  @inline(__always)
  private static func shard(of hash: UInt64, among shards: Int) -> Int {
    Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(shards)) >> 32)
  }

  /// Marks the repeated rows of `shard`'s pairs; returns how many, or `nil`
  /// on a pair with two different outcomes or a probe past ``longestProbe``.
  private static func firstRows(shard: Int, of shards: Int, _ shared: SharedRows) -> Int? {
    let rows = shared.rows
    let hashes = shared.hashes
    var capacity = 16
    while capacity < 2 * (rows.count / shards + 1) { capacity <<= 1 }
    let mask = capacity - 1
    // A slot holds the tag in its upper half and the row's index + 1 below (0: empty).
    var table = [UInt64](repeating: 0, count: capacity)
    var dropped = 0
    return table.withUnsafeMutableBufferPointer { table -> Int? in
      for index in 0..<rows.count {
        let hash = hashes[index]
        if shards > 1 && Self.shard(of: hash, among: shards) != shard { continue }
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        var probes = 0
        while true {
          let entry = table[slot]
          if entry == 0 {
            table[slot] = tag << 32 | UInt64(index + 1)
            break
          }
          if entry >> 32 == tag {
            let first = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if rows[first].pair == rows[index].pair {
              guard rows[first].value == rows[index].value else { return nil }
              shared.keep[index] = false
              dropped += 1
              break
            }
          }
          probes += 1
          if probes > longestProbe { return nil }
          slot = (slot + 1) & mask
        }
      }
      return dropped
    }
  }
}
