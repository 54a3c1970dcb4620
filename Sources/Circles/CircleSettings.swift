import CompetencyModel

/// What shapes a circle formation: the size range, the hard rules and the
/// weights of the side terms.
///
/// The objective of a grouping is, summed over every participant `i` of a
/// circle `C`,
///
/// ```
/// coverage_i(C) + crossDepartment · mix_i(C) + sharedHours · hours_i(C)
/// ```
///
/// where `coverage_i(C)` is the covered-growth measure (``GrowthCoverage``)
/// of `i` against the best peer of `C` in each of `i`'s goal competencies,
/// `mix_i(C)` the share of `i`'s circle-mates from another department and
/// `hours_i(C)` the share of a working day that every member of `C` with a
/// known time zone works at once (0 when `i`'s zone is unknown). Each is in
/// `0...1`, so with the default side weights (0.1 each) peer learning comes
/// first.
///
/// Invariants: `2 <= minimumSize <= maximumSize`; the weights are finite and
/// non-negative; `maximumSeniorityGap`, when set, is non-negative;
/// `workdayHours` is in `(0, 24]`; `headroom` in `0...1`.
public struct CircleSettings: Sendable, Hashable {
  /// The smallest circle allowed (default 4).
  public var minimumSize: Int
  /// The largest circle allowed (default 6).
  public var maximumSize: Int
  /// The most two members of one circle may differ in seniority grade
  /// (default 3); `nil` for no limit. Unknown grades are not limited.
  public var maximumSeniorityGap: Double?
  /// Nobody shares a circle with someone in their reporting line (default on).
  public var excludeReportingLine: Bool
  /// Members who list languages share at least one, all together (default on).
  public var requireSharedLanguage: Bool
  /// Unordered pairs of ids who must not share a circle again (earlier
  /// circles or pairs); empty by default.
  public var earlierPairs: Set<PersonPair>
  /// The weight of the cross-department mix (default 0.1).
  public var crossDepartment: Double
  /// The weight of the shared working hours (default 0.1).
  public var sharedHours: Double
  /// The length of a working day in hours, for the shared hours (default 8).
  public var workdayHours: Double
  /// One weight per competency for the covered-growth measure (empty: all 1).
  public var competencyWeights: [Double]
  /// The headroom credit of the covered-growth measure (default 0).
  public var headroom: Double
  /// The seed of the local search (default 1).
  public var seed: UInt64
  /// The most improvement rounds of the local search; `nil` (the default)
  /// for 60 up to 1,000 participants and 20 beyond (see ``roundLimit(participants:)``).
  public var rounds: Int?
  /// How many perturb-and-improve restarts follow the first local optimum;
  /// `nil` (the default) for `max(2, min(40, 4000 / participants))`.
  public var kicks: Int?

  /// The default settings: circles of 4 to 6, every rule on, side weights 0.1.
  public init(
    minimumSize: Int = 4, maximumSize: Int = 6, maximumSeniorityGap: Double? = 3, excludeReportingLine: Bool = true,
    requireSharedLanguage: Bool = true, earlierPairs: Set<PersonPair> = [], crossDepartment: Double = 0.1,
    sharedHours: Double = 0.1, workdayHours: Double = 8, competencyWeights: [Double] = [], headroom: Double = 0,
    seed: UInt64 = 1, rounds: Int? = nil, kicks: Int? = nil
  ) {
    precondition(minimumSize >= 2 && minimumSize <= maximumSize, "Circle sizes need 2 <= minimum <= maximum")
    precondition(
      [crossDepartment, sharedHours].allSatisfy { $0.isFinite && $0 >= 0 }, "Side weights must be finite and >= 0")
    precondition(workdayHours > 0 && workdayHours <= 24, "A working day is 0 to 24 hours")
    precondition((0...1).contains(headroom), "Headroom credit must be in 0...1")
    precondition(maximumSeniorityGap.map { $0 >= 0 } ?? true, "The seniority gap cannot be negative")
    self.minimumSize = minimumSize
    self.maximumSize = maximumSize
    self.maximumSeniorityGap = maximumSeniorityGap
    self.excludeReportingLine = excludeReportingLine
    self.requireSharedLanguage = requireSharedLanguage
    self.earlierPairs = earlierPairs
    self.crossDepartment = crossDepartment
    self.sharedHours = sharedHours
    self.workdayHours = workdayHours
    self.competencyWeights = competencyWeights
    self.headroom = headroom
    self.seed = seed
    self.rounds = rounds
    self.kicks = kicks
  }

  /// The round limit in force for `n` participants.
  ///
  /// - Complexity: O(1).
  public func roundLimit(participants n: Int) -> Int { rounds ?? (n <= 1000 ? 60 : 20) }

  /// The circle counts that split `n` participants into sizes within range:
  /// `ceil(n / maximumSize) ... floor(n / minimumSize)`, empty when none does.
  ///
  /// - Complexity: O(1).
  public func feasibleCircleCounts(participants n: Int) -> ClosedRange<Int>? {
    let low = (n + maximumSize - 1) / maximumSize
    let high = n / minimumSize
    return n > 0 && low <= high ? low...high : nil
  }
}
