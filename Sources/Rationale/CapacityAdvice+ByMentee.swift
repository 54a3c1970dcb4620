extension CapacityAdvice {
  /// Capacity advice for each unmatched mentee the list of
  /// ``compute(for:limit:)`` does not name: the best single extra place that
  /// would match that mentee, or, when no place can, the reason the plan
  /// gives them.
  ///
  /// Invariant: ``mentees`` are distinct unmatched mentees of the plan, in
  /// cohort order, none of them a list entry's ``CapacityAdvice/newlyMatched``;
  /// ``more`` counts the other such mentees left out by the limit.
  public struct ByMentee: Sendable, Equatable, Codable {
    /// One unmatched mentee's advice.
    ///
    /// Invariant: exactly one of ``advice`` and ``reason`` is set.
    public struct Entry: Sendable, Equatable, Codable {
      /// The mentee's id.
      public var mentee: String
      /// The mentee's name.
      public var menteeName: String
      /// The best single extra place that would match the mentee (its
      /// ``CapacityAdvice/newlyMatched`` is the mentee; `matchedGain` 1), as
      /// ``CapacityAdvice/forUnmatched(mentee:in:)`` gives it.
      public var advice: CapacityAdvice?
      /// When no single extra place would match them: why the plan leaves
      /// them unmatched, in the plan's own words (``UnmatchedMentee/explanation``).
      public var reason: String?

      /// An entry: `advice` or, when it is `nil`, the plan's `reason`.
      public init(mentee: String, menteeName: String, advice: CapacityAdvice?, reason: String?) {
        self.mentee = mentee
        self.menteeName = menteeName
        self.advice = advice
        self.reason = reason
      }
    }

    /// The entries, in cohort order.
    public var mentees: [Entry]
    /// How many more unmatched mentees, not named by the list, have no entry
    /// (`explain` gives theirs).
    public var more: Int

    /// Entries and the count left out.
    public init(mentees: [Entry], more: Int) {
      self.mentees = mentees
      self.more = more
    }
  }

  /// The pairs the per-mentee lines may score together by default: each line
  /// costs up to one scoring pass over `mentees × mentors` pairs, so large
  /// cohorts get fewer lines (or none: "and N more … explain"), never more
  /// than ``listed``. About a second of one core at 64 competencies.
  public static let menteeLineBudget = 500_000_000

  /// How many per-mentee lines ``byMentee(for:advice:limit:)`` computes by
  /// default for a cohort of this size: ``listed`` while their scoring
  /// passes fit ``menteeLineBudget``, fewer as the cohort grows, 0 from
  /// `mentees × mentors > menteeLineBudget` (100,000 × 20,000 gets none, so
  /// the advice never doubles a large match's time).
  ///
  /// - Complexity: O(1).
  public static func defaultMenteeLimit(mentees: Int, mentors: Int) -> Int {
    let (pairs, overflow) = max(1, mentees).multipliedReportingOverflow(by: max(1, mentors))
    return overflow ? 0 : min(listed, menteeLineBudget / pairs)
  }

  /// The advice for the unmatched mentees that `advice` (the list of
  /// ``compute(for:limit:)`` for the same plan) does not name as newly
  /// matched, the first `limit` in cohort order; `nil` when there are none.
  ///
  /// A mentee outside the plan's optimisation (without a growth goal, with
  /// `rules.goal_mentees_first`) or whom no extra place would match gets the
  /// plan's reason instead of advice.
  ///
  /// - Complexity: O(`limit · mentees · mentors · competencies`): one
  ///   scoring pass per entry with advice.
  public static func byMentee(for plan: PairingPlan, advice: [CapacityAdvice], limit: Int = listed) -> ByMentee? {
    let named = Set(advice.compactMap(\.newlyMatched))
    let others = plan.unmatched.filter { !named.contains($0.menteeID) }
    guard !others.isEmpty else { return nil }
    let entries = others.prefix(limit).map { u in
      let place = forUnmatched(mentee: u.menteeIndex, in: plan)
      return ByMentee.Entry(
        mentee: u.menteeID, menteeName: u.menteeName, advice: place, reason: place == nil ? u.explanation : nil)
    }
    return ByMentee(mentees: entries, more: others.count - entries.count)
  }
}
