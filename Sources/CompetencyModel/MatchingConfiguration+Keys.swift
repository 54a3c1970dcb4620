/// The configuration keys that name fields, in one table each: the reader,
/// the writer, the sensitivity analysis and weight tuning all walk these
/// lists, and each key reaches its field through an exhaustive `switch`, so a
/// key added here without a field does not compile, and none can silently
/// set another key's field.
extension MatchingConfiguration.TermWeights {
  /// The keys of the `weights:` section, as the configuration file spells
  /// them, in the order files and reports list them.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    /// `weights.competency`: ``MatchingConfiguration/TermWeights/competency``.
    case competency
    /// `weights.seniority`: ``MatchingConfiguration/TermWeights/seniority``.
    case seniority
    /// `weights.cross_department`: ``MatchingConfiguration/TermWeights/crossDepartment``.
    case crossDepartment = "cross_department"
    /// `weights.timezone`: ``MatchingConfiguration/TermWeights/timezone``.
    case timezone
    /// `weights.mentee_preference`: ``MatchingConfiguration/TermWeights/menteePreference``.
    case menteePreference = "mentee_preference"
    /// `weights.mentor_preference`: ``MatchingConfiguration/TermWeights/mentorPreference``.
    case mentorPreference = "mentor_preference"

    /// The field this key sets.
    ///
    /// - Complexity: O(1).
    public var field: WritableKeyPath<MatchingConfiguration.TermWeights, Double> {
      switch self {
      case .competency: return \.competency
      case .seniority: return \.seniority
      case .crossDepartment: return \.crossDepartment
      case .timezone: return \.timezone
      case .menteePreference: return \.menteePreference
      case .mentorPreference: return \.mentorPreference
      }
    }

    /// The side terms: every key but ``competency``, in table order.
    public static var sideTerms: [Key] { allCases.filter { $0 != .competency } }
  }

  /// The weight `key` names.
  ///
  /// - Complexity: O(1).
  public subscript(key: Key) -> Double {
    get { self[keyPath: key.field] }
    set { self[keyPath: key.field] = newValue }
  }
}

extension MatchingConfiguration.Rules {
  /// The keys of the `rules:` section, as the configuration file spells
  /// them, in the order files list them.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    /// `rules.exclude_self`: ``MatchingConfiguration/Rules/excludeSelf``.
    case excludeSelf = "exclude_self"
    /// `rules.exclude_reporting_line`: ``MatchingConfiguration/Rules/excludeReportingLine``.
    case excludeReportingLine = "exclude_reporting_line"
    /// `rules.exclude_previous_pairs`: ``MatchingConfiguration/Rules/excludePreviousPairs``.
    case excludePreviousPairs = "exclude_previous_pairs"
    /// `rules.require_shared_language`: ``MatchingConfiguration/Rules/requireSharedLanguage``.
    case requireSharedLanguage = "require_shared_language"
    /// `rules.max_mentees_per_department`: ``MatchingConfiguration/Rules/maxMenteesPerDepartment``.
    case maxMenteesPerDepartment = "max_mentees_per_department"
    /// `rules.goal_mentees_first`: ``MatchingConfiguration/Rules/goalMenteesFirst``.
    case goalMenteesFirst = "goal_mentees_first"

    /// The Boolean field this key sets; `nil` for the one rule that is a
    /// number (``maxMenteesPerDepartment``).
    ///
    /// - Complexity: O(1).
    public var flag: WritableKeyPath<MatchingConfiguration.Rules, Bool>? {
      switch self {
      case .excludeSelf: return \.excludeSelf
      case .excludeReportingLine: return \.excludeReportingLine
      case .excludePreviousPairs: return \.excludePreviousPairs
      case .requireSharedLanguage: return \.requireSharedLanguage
      case .goalMenteesFirst: return \.goalMenteesFirst
      case .maxMenteesPerDepartment: return nil
      }
    }
  }
}
