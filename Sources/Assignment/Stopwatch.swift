/// Wall-clock seconds between laps, for the phase timings that reports show
/// on request.
///
/// Invariant: each ``lap()`` measures from the previous lap (or creation) to now.
public struct Stopwatch {
  private let clock = ContinuousClock()
  private var mark: ContinuousClock.Instant

  /// Starts measuring now.
  public init() { mark = clock.now }

  /// Seconds since the previous lap (or since creation), and starts the next.
  ///
  /// - Complexity: O(1).
  public mutating func lap() -> Double {
    let now = clock.now
    defer { mark = now }
    let elapsed = now - mark
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }
}
