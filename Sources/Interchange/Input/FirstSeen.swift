/// The entries of a list cell seen so far, to keep each entry once at its
/// first place: a short list (most cells name one to three languages or
/// people) is searched in place, a longer one through a set.
struct FirstSeen {
  /// Entries are searched linearly up to this many.
  private static let shortList = 8
  private var few: [String] = []
  private var many: Set<String> = []

  /// Adds `entry`; returns whether it is new.
  ///
  /// - Complexity: O(1) expected (O(``shortList``) while the list is short).
  mutating func insert(_ entry: String) -> Bool {
    if few.count < Self.shortList {
      if few.contains(entry) { return false }
      few.append(entry)
      if few.count == Self.shortList { many = Set(few) }
      return true
    }
    return many.insert(entry).inserted
  }
}
