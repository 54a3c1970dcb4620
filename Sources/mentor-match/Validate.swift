import ArgumentParser
import Interchange

extension MentorMatch {
  /// `mentor-match validate`: checks the inputs and reports every problem.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the cohort files (and configuration and history) and report every problem.",
      discussion: "Every error and warning is reported as file:line:column. Exits 65 when there are errors.")

    @OptionGroup var cohort: CohortOptions

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        let c = loaded.cohort
        for name in loaded.configuration.unmatchedCompetencyWeights(for: c.competencies) {
          printError("warning: the configuration weighs competency '\(name)', which no cohort file has")
        }
        print(
          "ok: \(c.mentors.count) mentors offering \(c.totalCapacity) places, \(c.mentees.count) mentees,"
            + " \(c.competencies.count) competencies; \(loaded.warnings.count) warning(s)")
        if c.totalCapacity < c.mentees.count {
          print(
            "note: the mentors offer \(c.totalCapacity) places for \(c.mentees.count) mentees;"
              + " at least \(c.mentees.count - c.totalCapacity) will stay unmatched")
        }
      }
    }
  }
}
