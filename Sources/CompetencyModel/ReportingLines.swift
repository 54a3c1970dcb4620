/// The chains of managers in a cohort, from the `manager` field of every
/// person in either file.
///
/// Invariant: a chain never repeats a person, so a cycle in the data (which
/// the readers reject) cannot make it loop.
public struct ReportingLines: Sendable {
  private var managerOf: [String: String] = [:]

  /// Collects the manager of every person; when one id appears on both
  /// sides, the first manager given (mentors first) counts.
  ///
  /// - Complexity: O(`mentors + mentees`).
  public init(_ cohort: Cohort) {
    for person in cohort.mentors.map(\.person) + cohort.mentees.map(\.person) {
      if let manager = person.manager, !manager.isEmpty, managerOf[person.id] == nil {
        managerOf[person.id] = manager
      }
    }
  }

  /// The ids above `id`: its manager, their manager, and so on.
  ///
  /// - Complexity: O(depth of the chain).
  public func managers(above id: String) -> [String] {
    var chain: [String] = []
    var seen: Set<String> = [id]
    var current = id
    while let next = managerOf[current], seen.insert(next).inserted {
      chain.append(next)
      current = next
    }
    return chain
  }
}
