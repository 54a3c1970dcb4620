import ArgumentParser
import Assignment
import Circles
import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger

extension MentorMatch {
  /// `mentor-match circles`: peer mentoring circles from a cohort's mentees.
  struct CirclesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "circles",
      abstract: "Group the cohort's mentees into peer mentoring circles and explain who learns what from whom.",
      discussion: """
        Every participant joins exactly one circle of --size people, never with someone in \
        their reporting line, with a shared language and grades within --max-grade-gap. \
        Each member's growth goals are covered by the best peer of the circle (the \
        covered-growth measure of one-to-one fit); department mix and shared working hours \
        come next. The output gives the gap to an upper bound. See Docs/circles.md.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Facilitators (mentors format; capacity = circles each can take), assigned optimally, one per circle.",
        valueName: "file"))
    var facilitators: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Circle sizes, MIN-MAX (default: circles.min_size and max_size of the configuration, else 4-6).",
        valueName: "MIN-MAX"))
    var size: String?

    @Option(
      name: .long,
      help:
        "The most two members' seniority grades may differ, or 'none' (default: circles.max_grade_gap, else 3)."
    )
    var maxGradeGap: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Earlier circles whose members must not share a circle again (CSV: circle,member, optionally cohort; "
          + "the csv output of this command).", valueName: "file"))
    var circleHistory: String?

    @Flag(
      name: .long,
      help:
        "Allow earlier circle-mates (--circle-history, the ledger) to share a circle again (circles.no_repeat: false)."
    )
    var allowRepeats = false

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Record the circles in the ledger (--ledger, else the default ledger) under this cohort name.",
        valueName: "name"))
    var record: String?

    @Option(name: .long, help: "The seed of the local search.")
    var seed: UInt64 = 1

    @Option(
      name: .long, help: "The most improvement rounds of the local search (default 60, or 20 above 1,000 participants)."
    )
    var rounds: Int?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Form circles by a baseline instead, for comparison: greedy (the constructive start alone) or random.",
        visibility: .hidden))
    var baseline: String?

    @Flag(name: .long, help: "Print the time the formation took and its rounds to standard error.")
    var timings = false

    @OptionGroup var progressOptions: ProgressOptions

    @OptionGroup var report: ReportOutputOptions<CirclesNoun>

    /// The size range, parsed: `--size` when given, else the configuration's.
    func sizeRange(_ circles: CircleConfiguration = CircleConfiguration()) throws -> ClosedRange<Int> {
      guard let size else { return circles.minimumSize...circles.maximumSize }
      let parts = size.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 2, low <= high else {
        throw ValidationError("--size takes MIN-MAX with 2 <= MIN <= MAX, such as 4-6; got '\(size)'.")
      }
      return low...high
    }

    /// The grade limit: `--max-grade-gap` when given, else the configuration's.
    func gradeGap(_ circles: CircleConfiguration = CircleConfiguration()) throws -> Double? {
      guard let maxGradeGap else { return circles.maximumGradeGap }
      if maxGradeGap == "none" { return nil }
      guard let value = Double(maxGradeGap), value.isFinite, value >= 0 else {
        throw ValidationError("--max-grade-gap takes a number of grades >= 0 or 'none'; got '\(maxGradeGap)'.")
      }
      return value
    }

    func validate() throws {
      _ = try sizeRange()
      _ = try gradeGap()
      if let record, record.allSatisfy(\.isWhitespace) {
        throw ValidationError("The cohort name is empty: give --record a name such as 2026-spring-circles.")
      }
      if let rounds, rounds < 0 { throw ValidationError("--rounds takes a number >= 0; got \(rounds).") }
      if let baseline, CircleFormation.Baseline(rawValue: baseline) == nil {
        throw ValidationError("--baseline takes greedy or random; got '\(baseline)'.")
      }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load(ledgerMayBeMissing: record != nil)
        for warning in loaded.warnings { printError(warning.description) }
        let configuration = loaded.configuration
        let circles = configuration.circles
        var earlier = Set<PersonPair>()
        if circles.noRepeat && !allowRepeats {
          let mates = try CircleInputs.earlierCircleMates(
            circleHistory: circleHistory, ledger: cohort.ledger, recording: record != nil)
          if let summary = mates.summary { printError(summary) }
          earlier = mates.pairs
        }
        let problem = CircleInputs.problem(
          loaded, sizes: try sizeRange(circles), maximumGradeGap: try gradeGap(circles), earlier: earlier, seed: seed,
          rounds: rounds)
        let formation: CircleFormation
        let started = DispatchTime.now().uptimeNanoseconds
        let progress = progressOptions.reporter()
        progress.phase("forming circles of \(problem.participants.count) people")
        defer { progress.finish() }
        if let baseline, let kind = CircleFormation.Baseline(rawValue: baseline) {
          formation = try CircleFormation.baseline(kind, problem)
        } else {
          formation = try CircleFormation.form(problem)
        }
        progress.finish()
        if timings {
          let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
          printError(
            "timings: forming \(String(format: "%.2f", seconds)) s, \(formation.rounds) rounds, "
              + "objective \(String(format: "%.3f", formation.objective)), violations \(formation.violations), gap \(String(format: "%.2f", 100 * formation.gap)) %"
          )
        }
        var assigned: (people: [Mentor], assignment: CircleFacilitators)? = nil
        if let facilitators {
          let people = try CircleInputs.facilitators(path: facilitators, cohort: cohort.cohort)
          assigned = (people, CircleFacilitators(facilitators: people, formation: formation, problem: problem))
        }
        let plan = CirclePlan(
          formation, problem: problem, weeks: configuration.programme.weeks, start: configuration.programme.start,
          facilitators: assigned)
        let format = report.resolvedFormat
        progress.phase("writing")
        let rendered: Data
        do {
          defer { progress.finish() }
          rendered = try format.render(plan, warning: { printError("warning: \($0)") })
        }
        if let record {
          printError(
            try LedgerUpdates.recordCircles(
              plan, cohort: record, configuration: configuration, cohortFiles: cohort.cohort, ledger: cohort.ledger))
        }
        try emit(rendered, to: report.output)
      }
    }
  }
}
