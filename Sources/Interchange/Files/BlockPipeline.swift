import Foundation

/// The shared state of ``ByteSink/appendBlocks(count:block:_:)``: which
/// block each worker formats next, the formatted blocks waiting for their
/// turn, and which worker appends them to the sink, in order.
///
/// There is no barrier between groups of blocks. A worker claims the next
/// block (``claim()``), formats it into its own buffer and hands it back
/// (``finish(_:_:)``). Whoever hands back the block that is next in order
/// becomes the *appender*: it takes that block and every consecutive one
/// already formatted, appends them outside the lock, and asks for more
/// (``appended()``) until none is ready; the others keep formatting
/// meanwhile. A worker waits only when it is `window` blocks ahead of the
/// appender, which bounds the memory held.
///
/// Invariants (under the lock): blocks `0..<taken` were given to an
/// appender; `slots[taken...]` hold the formatted blocks not yet taken; if
/// `slots[taken]` holds a block, an appender is at work (`appending`). So
/// the workers cannot all wait: a full window means every claimed block is
/// formatted, including block `taken`, whose appender then moves the window.
///
/// `@unchecked Sendable` is safe: every stored property is read and written
/// only while `condition` is locked.
final class BlockPipeline: @unchecked Sendable {
  /// Guards everything below; signalled when the window moves.
  private let condition = NSCondition()
  /// How many blocks there are.
  private let blocks: Int
  /// How many blocks may be claimed beyond the first block not yet taken.
  private let window: Int
  /// The next block to claim.
  private var next = 0
  /// Blocks `0..<taken` were taken by an appender.
  private var taken = 0
  /// Whether a worker is appending.
  private var appending = false
  /// Formatted blocks not yet taken, by block index.
  private var slots: [BlockBytes?]
  /// A starting capacity for a block's buffer: the largest block seen so far plus an eighth.
  private var expected: Int

  /// A pipeline of `blocks` blocks, at most `window` of them claimed ahead
  /// of the appender, whose buffers start at `expectedBytes`.
  ///
  /// - Precondition: `window` ≥ 1.
  /// - Complexity: O(`blocks`).
  init(blocks: Int, window: Int, expectedBytes: Int) {
    precondition(window >= 1, "BlockPipeline: the window holds at least one block")
    self.blocks = blocks
    self.window = window
    slots = Array(repeating: nil, count: blocks)
    expected = expectedBytes
  }

  /// The next block to format and a starting capacity for its buffer, or
  /// `nil` when every block was claimed. Waits while the window is full.
  ///
  /// - Complexity: O(1) besides the wait.
  func claim() -> (block: Int, capacity: Int)? {
    condition.lock()
    defer { condition.unlock() }
    while next < blocks && next >= taken + window { condition.wait() }
    guard next < blocks else { return nil }
    next += 1
    return (next - 1, expected)
  }

  /// Hands back block `index`, formatted. Returns the blocks the caller
  /// must now append, in order (then call ``appended()``), or an empty
  /// array when another worker appends or block `index` is not yet due.
  ///
  /// - Complexity: O(blocks returned).
  func finish(_ index: Int, _ bytes: BlockBytes) -> [BlockBytes] {
    condition.lock()
    defer { condition.unlock() }
    expected = max(expected, bytes.count + bytes.count / 8)
    slots[index] = bytes
    guard !appending else { return [] }
    let ready = takeReady()
    appending = !ready.isEmpty
    return ready
  }

  /// Called by the appender after appending what it was given: the next
  /// blocks to append, or an empty array (it is no longer the appender).
  ///
  /// - Complexity: O(blocks returned).
  func appended() -> [BlockBytes] {
    condition.lock()
    defer { condition.unlock() }
    let ready = takeReady()
    appending = !ready.isEmpty
    return ready
  }

  /// Takes the consecutive formatted blocks from `taken` on and wakes the
  /// workers waiting for the window to move.
  private func takeReady() -> [BlockBytes] {
    var ready: [BlockBytes] = []
    while taken < blocks, let bytes = slots[taken] {
      ready.append(bytes)
      slots[taken] = nil
      taken += 1
    }
    if !ready.isEmpty { condition.broadcast() }
    return ready
  }
}
