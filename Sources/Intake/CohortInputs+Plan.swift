import Assignment
import CompetencyModel
import Interchange
import Rationale

/// How `match --choices` uses the mentees' picks.
public enum ChoicesMode: String, Sendable, CaseIterable {
  /// As the mentee's preference list (`weights.mentee_preference`).
  case soft
  /// As hard picks with a cascade (``Rationale/ChoiceCascade``).
  case hard
}

extension CohortInputs.Loaded {
  /// The plan of the loaded cohort under `configuration`: the certified
  /// single-mentor solver, or, when some mentee asks for several mentors
  /// (`mentors_wanted`), the exact b-matching.
  ///
  /// - Throws: ``CohortCheckError`` (bad data, exit code 65) for a
  ///   combination the b-matching does not support, or a certificate that fails.
  /// - Complexity: one certified solve of the cohort.
  public func plan(
    configuration: MatchingConfiguration, progress: ProgressReporter = .silent
  ) throws(CohortCheckError) -> PairingPlan {
    guard CohortMatcher.needsSeveralMentors(cohort) else {
      return CohortMatcher.match(
        cohort, configuration: configuration, history: history, requirements: requirements, progress: progress)
    }
    do {
      return try CohortMatcher.matchSeveral(
        cohort, configuration: configuration, history: history, requirements: requirements)
    } catch {
      throw CohortCheckError(error.description)
    }
  }

  /// Reads the picks of `path` and applies them: as preferences (soft), or
  /// as required pairs settled by the cascade (hard).
  ///
  /// - Returns: The picks and, in hard mode, the cascade, for
  ///   ``Rationale/PairingPlan/explainChoices(_:cascade:)``.
  /// - Throws: ``Interchange/InputErrors`` for a bad picks file.
  /// - Complexity: O(size of the file) soft; one certified solve per cascade round hard.
  public mutating func applyChoices(
    _ path: String, mode: ChoicesMode, configuration: MatchingConfiguration
  ) throws -> (MenteeChoices, ChoiceCascade?) {
    let choices = try ChoicesReader.read(path: path, cohort: cohort)
    switch mode {
    case .soft:
      cohort = choices.asPreferences(of: cohort)
      return (choices, nil)
    case .hard:
      let cascade = ChoiceCascade(
        cohort, configuration: configuration, history: history, requirements: requirements, choices: choices)
      requirements = cascade.requirements
      return (choices, cascade)
    }
  }

  /// The shortlists of `size` mentors per mentee (``Rationale/Shortlist``),
  /// measured against the total-fit plan of the loaded configuration.
  ///
  /// - Parameter warning: Called once when the configuration asks for the
  ///   fairness objective, which shortlists do not use.
  /// - Throws: ``CohortCheckError`` when the configuration caps mentees per
  ///   department (not supported), or as ``plan(configuration:progress:)``.
  /// - Complexity: one certified solve plus the exact cost of each alternative.
  public func shortlist(size: Int, warning: (String) -> Void) throws(CohortCheckError) -> Shortlist {
    var configuration = self.configuration
    if configuration.rules.maxMenteesPerDepartment != nil {
      throw CohortCheckError("shortlist does not support rules.max_mentees_per_department")
    }
    if configuration.objective == .fairness {
      warning("warning: shortlist measures costs against the total-fit objective; the fairness objective is not used")
      configuration.objective = .total
    }
    return Shortlist(plan: try plan(configuration: configuration), size: size, requirements: requirements)
  }
}
