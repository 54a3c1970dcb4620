/// Everything that shapes how a cohort is scored and which pairs are allowed.
///
/// The defaults are documented in `Docs/configuration.md`; a run without a
/// configuration file uses ``MatchingConfiguration/init()``.
///
/// Invariants: every weight is finite and non-negative; `idealSeniorityGap > 0`;
/// `workdayHours` is in `(0, 24]`; `minimumScore`, when set, is finite;
/// `programme.weeks` is in `1...520`; `headroomCredit` is in `0...1`;
/// `sideTermsLimit`, when set, is finite and non-negative.
public struct MatchingConfiguration: Sendable, Hashable {
  /// The largest weight the configuration reader accepts, for a term or a
  /// competency: `1e6`. Only the ratios between weights matter, and with
  /// every term value in `0...1` the bound keeps every score finite and its
  /// spread far inside what the solver certifies (see Docs/solver.md).
  public static let maximumWeight = 1e6

  /// Weights of the score's terms. The score of a pair is
  /// `Σ term weight × term value`, each term value in `0...1`.
  public struct TermWeights: Sendable, Hashable {
    /// Weight of the competency term: the covered growth, the share of the
    /// mentee's need (goal above current level) that the mentor's levels
    /// cover (see ``GrowthCoverage``).
    public var competency: Double = 1.0
    /// Weight of the seniority-gap term.
    public var seniority: Double = 0.1
    /// Weight of the cross-department bonus.
    public var crossDepartment: Double = 0.05
    /// Weight of the working-hours overlap term.
    public var timezone: Double = 0.1
    /// Weight of the mentee's stated preference for the mentor.
    public var menteePreference: Double = 0.2
    /// Weight of the mentor's stated preference for the mentee.
    public var mentorPreference: Double = 0.1

    /// The default weights.
    public init() {}

    /// The side terms' combined weight: every term but competency.
    public var sideSum: Double { seniority + crossDepartment + timezone + menteePreference + mentorPreference }
  }

  /// The hard rules; each can be switched off.
  public struct Rules: Sendable, Hashable {
    /// Nobody mentors themself (the same id on both sides).
    public var excludeSelf = true
    /// No pair inside one reporting line: neither person is in the other's
    /// chain of managers.
    public var excludeReportingLine = true
    /// No pair that the history of earlier cohorts lists.
    public var excludePreviousPairs = true
    /// When both people list languages, they must share one.
    public var requireSharedLanguage = true
    /// When set, no mentor takes more than this many mentees from one
    /// department (mentees without a department are not capped).
    public var maxMenteesPerDepartment: Int? = nil
    /// Mentees with no growth goal (no goal above their current level) only
    /// get places left once the mentees with goals are matched, so they never
    /// take a place from a mentee who has goals. When `false` they compete on
    /// score like everyone else.
    public var goalMenteesFirst = true

    /// The default rules: all on.
    public init() {}
  }

  /// What the optimum maximises once as many mentees as possible are matched.
  public enum Objective: String, Sendable, Hashable, CaseIterable {
    /// The total fit of the pairs (the default).
    case total
    /// The lowest fit of any pair first, then the total fit: the bottleneck
    /// objective, for programmes that put the worst-served mentee first.
    case fairness
  }

  /// The objective.
  public var objective = Objective.total
  /// The programme's calendar, for growth plans and milestones.
  public struct Programme: Sendable, Hashable {
    /// The cohort's first day, if known; milestones are then dated.
    public var start: CalendarDate? = nil
    /// The cohort's length in weeks.
    public var weeks = 24

    /// The default calendar: 24 weeks, no start date.
    public init() {}
  }

  /// The programme's calendar.
  public var programme = Programme()
  /// Per-competency weights, by competency name; a competency not listed
  /// weighs ``defaultCompetencyWeight``.
  public var competencyWeights: [String: Double] = [:]
  /// The weight of a competency the configuration does not list.
  public var defaultCompetencyWeight = 1.0
  /// The term weights.
  public var terms = TermWeights()
  /// The hard rules.
  public var rules = Rules()
  /// The seniority gap (mentor minus mentee, in grades) that earns the full
  /// seniority term.
  public var idealSeniorityGap = 2.0
  /// The length of a working day, in hours, for the time-zone overlap.
  public var workdayHours = 8.0
  /// When set, a pair scoring below this is not allowed.
  public var minimumScore: Double? = nil
  /// The credit per level a mentor stands above a mentee's goal, up to one
  /// level (see ``GrowthCoverage``); in `0...1`, 0 (off) by default.
  public var headroomCredit = 0.0
  /// The most the side terms (seniority, cross-department, timezone and the
  /// two preferences) may weigh together, as a share of the competency
  /// weight; `nil` for no limit. Below 1, a mentor who covers all of a
  /// mentee's goals always outscores one who covers none. See ``effectiveTerms``.
  public var sideTermsLimit: Double? = 0.8
  /// The peer mentoring circles' sizes, rules and side weights (`circles:`).
  public var circles = CircleConfiguration()

  /// The term weights the score uses: ``terms`` with the side terms scaled
  /// down together (keeping their ratios) when their sum exceeds
  /// `sideTermsLimit · terms.competency`.
  ///
  /// - Complexity: O(1).
  public var effectiveTerms: TermWeights {
    guard let limit = sideTermsLimit else { return terms }
    let side = terms.sideSum
    let allowed = limit * terms.competency
    guard side > allowed, side > 0 else { return terms }
    let factor = allowed / side
    var scaled = terms
    scaled.seniority *= factor
    scaled.crossDepartment *= factor
    scaled.timezone *= factor
    scaled.menteePreference *= factor
    scaled.mentorPreference *= factor
    return scaled
  }

  /// The default configuration.
  public init() {}

  /// The weight of each competency of `competencies`, in order. Names match
  /// the keys of ``competencyWeights`` ignoring case and runs of white space;
  /// when two keys match one name, the first in sorted order counts, so the
  /// result never depends on hashing.
  ///
  /// - Complexity: O(`competencies.count + k log k`) for `k` configured weights.
  public func weights(for competencies: [String]) -> [Double] {
    var byName: [String: Double] = [:]
    for name in competencyWeights.keys.sorted() where byName[Self.key(name)] == nil {
      byName[Self.key(name)] = competencyWeights[name]
    }
    return competencies.map { byName[Self.key($0)] ?? defaultCompetencyWeight }
  }

  /// The configured competency names that match none of `competencies`.
  ///
  /// - Complexity: O(`competencies.count + k log k`).
  public func unmatchedCompetencyWeights(for competencies: [String]) -> [String] {
    let known = Set(competencies.map(Self.key))
    return competencyWeights.keys.sorted().filter { !known.contains(Self.key($0)) }
  }

  /// A competency name as weights are matched: lower-cased, white space trimmed
  /// and collapsed to single spaces.
  static func key(_ name: String) -> String {
    name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
