/// The configuration's other key tables: the top-level sections and the keys
/// of `fit:`, `seniority:`, `timezone:`, `programme:` and `circles:`, like
/// ``MatchingConfiguration/TermWeights/Key`` and ``MatchingConfiguration/Rules/Key``.
/// The reader matches keys against these tables and reads each through an
/// exhaustive `switch` (no `default:`), the writer writes them in table order,
/// and misplaced keys are traced to their section from them.
extension MatchingConfiguration {
  /// The top-level keys, as the configuration file spells them, in the order
  /// messages list them.
  public enum SectionKey: String, Sendable, Hashable, CaseIterable {
    /// `weights:` (``MatchingConfiguration/TermWeights/Key``).
    case weights
    /// `competencies:`, per-competency weights.
    case competencies
    /// `rules:` (``MatchingConfiguration/Rules/Key``).
    case rules
    /// `seniority:` (``SeniorityKey``).
    case seniority
    /// `timezone:` (``TimezoneKey``).
    case timezone
    /// `minimum_score`: ``MatchingConfiguration/minimumScore``.
    case minimumScore = "minimum_score"
    /// `programme:` (``MatchingConfiguration/Programme/Key``); `program` is read as it too.
    case programme
    /// `objective`: ``MatchingConfiguration/objective``.
    case objective
    /// `fit:` (``FitKey``).
    case fit
    /// `circles:` (``CircleConfiguration/Key``).
    case circles
    /// `columns:`, the cohort files' column mapping (read with the cohort).
    case columns
    /// `scales:`, the cohort files' level scales (read with the cohort).
    case scales

    /// The keys of this section's table, or `nil` for a section that is a
    /// value or a free mapping (`competencies`, `columns`, `scales`).
    ///
    /// - Complexity: O(keys of the section).
    public var keys: [String]? {
      switch self {
      case .weights: return TermWeights.Key.allCases.map(\.rawValue)
      case .rules: return Rules.Key.allCases.map(\.rawValue)
      case .seniority: return SeniorityKey.allCases.map(\.rawValue)
      case .timezone: return TimezoneKey.allCases.map(\.rawValue)
      case .programme: return Programme.Key.allCases.map(\.rawValue)
      case .fit: return FitKey.allCases.map(\.rawValue)
      case .circles: return CircleConfiguration.Key.allCases.map(\.rawValue)
      case .competencies, .minimumScore, .objective, .columns, .scales: return nil
      }
    }
  }

  /// The keys of `fit:`.
  public enum FitKey: String, Sendable, Hashable, CaseIterable {
    /// `fit.headroom`: ``MatchingConfiguration/headroomCredit``.
    case headroom
    /// `fit.side_terms_limit`: ``MatchingConfiguration/sideTermsLimit``.
    case sideTermsLimit = "side_terms_limit"
  }

  /// The keys of `seniority:`.
  public enum SeniorityKey: String, Sendable, Hashable, CaseIterable {
    /// `seniority.ideal_gap`: ``MatchingConfiguration/idealSeniorityGap``.
    case idealGap = "ideal_gap"
  }

  /// The keys of `timezone:`.
  public enum TimezoneKey: String, Sendable, Hashable, CaseIterable {
    /// `timezone.workday_hours`: ``MatchingConfiguration/workdayHours``.
    case workdayHours = "workday_hours"
  }
}

extension MatchingConfiguration.Programme {
  /// The keys of `programme:`.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    /// `programme.start`: ``MatchingConfiguration/Programme/start``.
    case start
    /// `programme.weeks`: ``MatchingConfiguration/Programme/weeks``.
    case weeks
  }
}

extension CircleConfiguration {
  /// The keys of `circles:`, in the order files list them.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    /// `circles.min_size`: ``CircleConfiguration/minimumSize``.
    case minSize = "min_size"
    /// `circles.max_size`: ``CircleConfiguration/maximumSize``.
    case maxSize = "max_size"
    /// `circles.cross_department`: ``CircleConfiguration/crossDepartment``.
    case crossDepartment = "cross_department"
    /// `circles.shared_hours`: ``CircleConfiguration/sharedHours``.
    case sharedHours = "shared_hours"
    /// `circles.max_grade_gap`: ``CircleConfiguration/maximumGradeGap``.
    case maxGradeGap = "max_grade_gap"
    /// `circles.require_shared_language`: ``CircleConfiguration/requireSharedLanguage``.
    case requireSharedLanguage = "require_shared_language"
    /// `circles.no_repeat`: ``CircleConfiguration/noRepeat``.
    case noRepeat = "no_repeat"
  }
}
