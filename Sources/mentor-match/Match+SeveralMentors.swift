import ArgumentParser
import Assignment
import CompetencyModel
import Interchange
import Rationale

/// The plan of the loaded cohort: the certified single-mentor solver, or,
/// when some mentee asks for several mentors (`mentors_wanted`), the exact
/// b-matching (an unsupported combination is bad data, exit 65).
func matchPlan(
  _ loaded: CohortOptions.Loaded, configuration: MatchingConfiguration, progress: ProgressReporter = .silent
) throws -> PairingPlan {
  guard CohortMatcher.needsSeveralMentors(loaded.cohort) else {
    return CohortMatcher.match(
      loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements,
      progress: progress)
  }
  do {
    return try CohortMatcher.matchSeveral(
      loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements)
  } catch {
    printError("error: \(error.description)")
    throw ExitStatus.dataError
  }
}
