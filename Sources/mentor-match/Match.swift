import ArgumentParser
import Assignment
import CompetencyModel
import Foundation
import Intake
import Interchange
import Ledger
import Rationale

extension MentorMatch {
  /// `mentor-match match`: the optimal pairing plan with its rationale.
  struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "match",
      abstract: "Pair the cohort's mentees with mentors, optimally, and explain every pair.",
      discussion: """
        Maximises the number of mentees matched, then the total fit, within every \
        mentor's capacity and the rules. Each pair lists the competencies and terms \
        behind its score and the mentee's rank of the mentor; unmatched mentees get \
        the reason.
        """)

    @OptionGroup var cohort: CohortOptions

    @OptionGroup var report: ReportOutputOptions<PlanNoun>

    @Flag(name: .long, help: "Maximise the lowest fit first, then the total (same as `objective: fairness`).")
    var fairness = false

    @Flag(name: .long, help: "Print the time each phase took to standard error.")
    var timings = false

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Mentees' ranked picks (mentee,mentor,rank), e.g. from `shortlist`; see --choices-mode.", valueName: "file"))
    var choices: String?

    @Option(
      name: .long,
      help:
        "soft: picks weigh in as preferences (weights.mentee_preference); hard: the best pick that can be made is fixed, else the next, else free matching."
    )
    var choicesMode: ChoicesMode = .soft

    @OptionGroup var progressOptions: ProgressOptions

    /// The format to write: `--format`, else the output file's extension, else table.
    var resolvedFormat: PlanFormat { report.resolvedFormat }
    /// The file `--output` names.
    var output: String? { report.output }

    func validate() throws {
      if choicesMode == .hard && choices == nil {
        throw ValidationError("--choices-mode hard needs the picks: name them with --choices.")
      }
    }

    func run() throws {
      try reportingErrors {
        var stopwatch = Stopwatch()
        var loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        var configuration = loaded.configuration
        if fairness { configuration.objective = .fairness }
        let reading = stopwatch.lap()
        let progress = progressOptions.reporter()
        let picks = try choices.map {
          try loaded.applyChoices($0, mode: choicesMode, configuration: configuration)
        }
        var plan = try loaded.plan(configuration: configuration, progress: progress)
        if let (choices, cascade) = picks { plan.explainChoices(choices, cascade: cascade) }
        if !CohortMatcher.needsSeveralMentors(loaded.cohort) && (picks == nil || choicesMode == .soft) {
          // One more place at which mentors would match the most unmatched mentees (exact, from the duals).
          progress.phase("capacity advice")
          plan.summary.capacityAdvice = CapacityAdvice.compute(for: plan)
          plan.summary.capacityAdviceByMentee = plan.summary.capacityAdvice.flatMap {
            CapacityAdvice.byMentee(
              for: plan, advice: $0,
              limit: CapacityAdvice.defaultMenteeLimit(
                mentees: plan.model.cohort.mentees.count, mentors: plan.model.cohort.mentors.count))
          }
        }
        let matching = stopwatch.lap()
        // Re-running a recorded cohort: the recorded plan, or exactly why not.
        if let note = try ledgerOperation({ () throws(LedgerError) in
          try loaded.recordedPlanNote(plan, configuration: configuration)
        }) {
          printError(note)
        }
        let context = PlanReportContext(
          cohort: cohort.cohort.joined(separator: " + "), configuration: cohort.inputs.resolvedCompanionFiles().config,
          date: PlanReportContext.today())
        progress.phase("writing")
        if resolvedFormat.streams {
          // JSON and CSV stream to the file, a block of rows at a time (the same bytes);
          // the progress line is cleared first when they go to standard output.
          let toStandardOutput = output == nil || output == "-"
          if toStandardOutput { progress.finish() }
          defer { if !toStandardOutput { progress.finish() } }
          let format = resolvedFormat
          try emit(to: output) { format.write(plan, to: &$0) }
        } else {
          let data: Data
          do {
            defer { progress.finish() }
            data = try resolvedFormat.data(plan, context: context, warning: printError)
          }
          try emit(data, to: output)
        }
        let writing = stopwatch.lap()
        if timings {
          let s = plan.certificate.seconds
          printError(
            "timings: reading \(reading) s, matching \(matching) s (sampling \(s.sampling) s, pruning \(s.pruning) s, solving \(s.solving) s \(s.solvingPerRound), pricing \(s.pricing) s \(s.pricingPerRound), rows priced \(s.rowsPricedPerRound); rounds \(plan.certificate.rounds), violations \(plan.certificate.violationsPerRound)), writing \(writing) s; solve work \(s.solveWork.map(\.description))"
          )
        }
      }
    }
  }
}

extension PlanFormat: ExpressibleByArgument {}
