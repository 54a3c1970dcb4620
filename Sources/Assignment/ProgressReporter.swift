/// Where long work reports its phases and steps: a callback the caller
/// supplies, so the solver and the matcher stay free of I/O.
///
/// ```swift
/// let progress = ProgressReporter { event in print(event) }
/// progress.phase("solving round 1")
/// progress.step(3, of: 10)
/// ```
///
/// The default, ``silent``, reports nothing and costs one branch per call.
/// Reporting never changes the work's result.
public struct ProgressReporter: Sendable {
  /// What the work reports.
  public enum Event: Sendable, Equatable {
    /// A new phase began (`"scoring all pairs, pass 2"`, `"writing"`).
    case phase(String)
    /// `done` of `total` steps of the current phase are finished.
    case step(done: Int, total: Int)
    /// The work is over.
    case finished
  }

  private let sink: (@Sendable (Event) -> Void)?

  /// A reporter that hands every event to `sink`, on the reporting thread.
  ///
  /// - Complexity: O(1).
  public init(_ sink: @escaping @Sendable (Event) -> Void) { self.sink = sink }

  private init() { sink = nil }

  /// The reporter that reports nothing.
  public static let silent = ProgressReporter()

  /// The reporter the inner passes of the work running now report to (the
  /// solver's rounds and scoring passes). Entry points that take a
  /// `progress:` argument bind it for their duration, so that it need not be
  /// threaded through every internal call; unbound, it is ``silent``.
  @TaskLocal public static var current: ProgressReporter = .silent

  /// Whether events go nowhere.
  public var isSilent: Bool { sink == nil }

  /// Reports the start of a phase.
  ///
  /// - Complexity: O(1) plus the sink's cost.
  public func phase(_ name: @autoclosure () -> String) { sink?(.phase(name())) }

  /// Reports `done` of `total` steps of the current phase.
  ///
  /// - Complexity: O(1) plus the sink's cost.
  public func step(_ done: Int, of total: Int) { sink?(.step(done: done, total: total)) }

  /// Reports the end of the work.
  ///
  /// - Complexity: O(1) plus the sink's cost.
  public func finish() { sink?(.finished) }
}
