import Rationale

extension PlanFormat {
  /// Whether ``write(_:to:)`` streams the plan in this format: JSON and CSV,
  /// the formats of large plans read by programs.
  public var streams: Bool { self == .json || self == .csv }

  /// Streams `plan` in this format: the bytes of ``data(_:context:warning:)``,
  /// byte for byte (tested), a block of rows at a time rather than a whole
  /// document in memory.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - sink: Where the bytes go (see ``AtomicFile/write(to:streaming:)``).
  /// - Precondition: ``streams`` is true.
  /// - Complexity: O(size of the output).
  public func write(_ plan: PairingPlan, to sink: inout ByteSink) {
    switch self {
    case .json: PlanDocument.writeJSON(plan, to: &sink)
    case .csv: PlanCSVRenderer.write(plan, to: &sink)
    default: preconditionFailure("PlanFormat.write streams only JSON and CSV, not \(self)")
    }
  }
}
