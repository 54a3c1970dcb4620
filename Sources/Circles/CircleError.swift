/// Why circles could not be formed.
public enum CircleError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The number of participants cannot be split into circles within the size range.
  case sizesCannotSplit(participants: Int, minimum: Int, maximum: Int)
  /// No grouping found keeps every hard rule; `details` names the broken rules.
  case rulesUnsatisfied(details: [String])

  /// A whole sentence for the user.
  public var description: String {
    switch self {
    case .sizesCannotSplit(let n, let low, let high):
      return
        "\(n) participant\(n == 1 ? "" : "s") cannot be split into circles of \(low) to \(high) people: "
        + "use another --size range or change the number of participants."
    case .rulesUnsatisfied(let details):
      return "no grouping found that keeps every rule: " + details.joined(separator: "; ")
    }
  }
}
