import ArgumentParser
import CompetencyModel
import Interchange
import Rationale

/// How `match --choices` uses the mentees' picks.
enum ChoicesMode: String, ExpressibleByArgument, CaseIterable {
  /// As the mentee's preference list (`weights.mentee_preference`).
  case soft
  /// As hard picks with a cascade (``ChoiceCascade``).
  case hard
}

/// Reads the picks of `path` and applies them to `loaded`: as preferences
/// (soft), or as required pairs settled by the cascade (hard).
///
/// - Returns: The picks and, in hard mode, the cascade, for ``PairingPlan/explainChoices(_:cascade:)``.
func applyChoices(
  _ path: String, mode: ChoicesMode, to loaded: inout CohortOptions.Loaded, configuration: MatchingConfiguration
)
  throws -> (MenteeChoices, ChoiceCascade?)
{
  let choices = try ChoicesReader.read(path: path, cohort: loaded.cohort)
  switch mode {
  case .soft:
    loaded.cohort = choices.asPreferences(of: loaded.cohort)
    return (choices, nil)
  case .hard:
    let cascade = ChoiceCascade(
      loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements,
      choices: choices)
    loaded.requirements = cascade.requirements
    return (choices, cascade)
  }
}
