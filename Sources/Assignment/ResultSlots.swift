/// One slot per piece of concurrent work, for threads to hand their results
/// back without locks: the box of every parallel pass (``ParallelBlockPass``
/// and the chunked JSON encoding of `Interchange`).
///
/// ```swift
/// let results = ResultSlots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { w in results.put(w * w, at: w) }
/// let squares = results.all()  // [0, 1, 4, 9]
/// ```
///
/// `@unchecked Sendable` is safe under the contract every caller keeps: slot
/// `w` is touched by one thread at a time (the work item `w`), slots are
/// separate memory, and ``all()`` runs after the concurrent work has returned
/// (`concurrentPerform` joins its threads first, which orders their writes
/// before the read). Violating it is a data race; a missing result traps.
public final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  /// `count` empty slots.
  ///
  /// - Complexity: O(`count`).
  public init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  /// One slot per initial value, each holding it.
  ///
  /// - Complexity: O(`initial.count`).
  public init(_ initial: [Value]) {
    slots = .allocate(capacity: initial.count)
    _ = slots.initialize(from: initial.map { Optional($0) })
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Takes the value out of slot `w`, leaving it empty.
  ///
  /// - Complexity: O(1).
  public func take(_ w: Int) -> Value {
    guard let value = slots[w] else { preconditionFailure("Slot \(w) is empty") }
    slots[w] = nil
    return value
  }

  /// Puts `value` into slot `w`.
  ///
  /// - Complexity: O(1).
  public func put(_ value: Value, at w: Int) { slots[w] = value }

  /// Every slot's value, in order; each slot must hold one.
  ///
  /// - Complexity: O(`count`).
  public func all() -> [Value] {
    slots.enumerated().map { w, value in
      guard let value else { preconditionFailure("Slot \(w) holds no result") }
      return value
    }
  }
}
