/// A pointer handed to the worker threads of one parallel pass
/// (`DispatchQueue.concurrentPerform`), in this module's passes and the
/// readers' (`package`).
///
/// Invariant (the caller's, which is why it is `@unchecked Sendable`): the
/// memory outlives the pass, and while it runs the workers either only read
/// it or each write only places no other worker touches.
package struct SharedPointer<Pointer>: @unchecked Sendable {
  /// The pointer.
  package let base: Pointer

  package init(_ base: Pointer) { self.base = base }
}
