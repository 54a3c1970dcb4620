/// The managers kept so far for each person of the manager check, in the
/// order they were kept: the first in one flat array, any more in a
/// dictionary. Most people have one manager, so no array is made per
/// person (an array per person was about a third of the check's work).
struct KeptManagers {
  /// Each person's first manager kept, or -1.
  private var first: [Int]
  /// The managers kept after the first, for the few people with more.
  private var more: [Int: [Int]] = [:]

  /// No managers kept for any of `count` people.
  ///
  /// - Complexity: O(`count`).
  init(count: Int) { first = [Int](repeating: -1, count: count) }

  /// Whether `manager` is kept for `person`.
  ///
  /// - Complexity: O(managers kept for `person`).
  func contains(_ manager: Int, for person: Int) -> Bool {
    let head = first[person]
    guard head >= 0 else { return false }
    return head == manager || more[person]?.contains(manager) == true
  }

  /// Keeps `manager` (a person's index, not negative) for `person`, after
  /// those kept before.
  ///
  /// - Complexity: O(1) amortised.
  mutating func append(_ manager: Int, for person: Int) {
    precondition(manager >= 0, "a manager is a person's index")
    if first[person] < 0 {
      first[person] = manager
    } else {
      more[person, default: []].append(manager)
    }
  }

  /// The managers kept for `person`, in the order kept.
  ///
  /// - Complexity: O(managers kept for `person`).
  subscript(person: Int) -> [Int] {
    let head = first[person]
    guard head >= 0 else { return [] }
    return [head] + (more[person] ?? [])
  }
}
