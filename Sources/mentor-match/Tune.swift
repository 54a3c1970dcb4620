import ArgumentParser
import Assignment
import CompetencyModel
import Interchange
import Ledger
import Rationale

extension MentorMatch {
  /// `mentor-match tune`: learn weights from the outcomes of earlier pairs.
  struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Learn competency and term weights from the outcomes of earlier pairs.",
      discussion: """
        Ridge regression on each pair's unweighted score terms (LAPACK), the penalty chosen by \
        k-fold cross-validation, weights kept non-negative. Reports the weights, their standard \
        errors and the cross-validated error against the current weights, and writes a \
        configuration to review (--output) only when the tuned weights predict better than the \
        current ones (--force writes it anyway). Weights the data cannot inform keep their current \
        values and minimum_score is rescaled with the scores. Folds follow a hash of each pair's \
        ids, so the same outcomes give the same report from a file or from the ledger.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: ArgumentHelp("The outcomes (CSV: mentee,mentor,outcome).", valueName: "file"))
    var outcomes: String?

    @Option(
      name: .long,
      help: ArgumentHelp("Take the outcomes of this cohort recorded in the ledger (see `ledger`).", valueName: "name"))
    var recorded: String?

    @Option(name: .long, help: "The number of cross-validation folds.")
    var folds = 5

    @Option(
      name: .shortAndLong, help: ArgumentHelp("Write the tuned configuration (YAML) here.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Write --output even when the tuned weights do not beat the current ones.")
    var force = false

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
      guard (outcomes == nil) != (recorded == nil) else {
        throw ValidationError("Give the outcomes either as a file (--outcomes) or as a recorded cohort (--recorded).")
      }
      guard (2...50).contains(folds) else { throw ValidationError("--folds must be from 2 to 50.") }
      if output == "-" {
        throw ValidationError(
          "tune prints its report on standard output: name a file for the tuned configuration with --output.")
      }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        let c = loaded.cohort
        let rows: [OutcomesReader.Row]
        let source: String
        if let outcomes {
          rows = try OutcomesReader.read(path: outcomes)
          source = outcomes
        } else {
          let name = recorded!
          let ledger = try LedgerOptions(ledger: cohort.ledger).open(.readOnly)
          let pairs = try ledgerOperation { () throws(LedgerError) in try ledger.pairs(cohort: name) }
          rows = pairs.compactMap { p in
            p.outcome.map {
              OutcomesReader.Row(pair: PersonPair(menteeID: p.menteeID, mentorID: p.mentorID), value: $0, line: 0)
            }
          }
          source = "ledger cohort '\(name)'"
        }
        let menteeIndex = c.menteeIndexByID
        let mentorIndex = c.mentorIndexByID
        var problems: [InputError] = []
        var observed: [WeightTuning.Outcome] = []
        for row in rows {
          guard let i = menteeIndex[row.pair.menteeID], let j = mentorIndex[row.pair.mentorID] else {
            problems.append(
              InputError(
                file: source, line: row.line, column: row.column,
                message: "the pair \(row.pair) names someone who is not in the cohort"))
            continue
          }
          observed.append(WeightTuning.Outcome(menteeIndex: i, mentorIndex: j, value: row.value))
        }
        guard problems.isEmpty else { throw InputErrors(problems) }
        guard observed.count >= 3 else {
          printError("error: \(source) holds \(observed.count) outcome(s); tuning needs at least 3")
          throw ExitStatus.dataError
        }
        let tuning: WeightTuning
        let progress = progressOptions.reporter()
        progress.phase(
          "learning weights from \(observed.count) outcomes, \(min(folds, observed.count))-fold cross-validated")
        do {
          defer { progress.finish() }
          tuning = try WeightTuning(
            cohort: c, base: loaded.configuration, outcomes: observed, folds: min(folds, observed.count))
        } catch let error as WeightTuningError {
          printError("error: cannot fit weights to \(source): \(error)")
          throw ExitStatus.dataError
        } catch {
          // LAPACK could not solve the normal equations: say what that means
          // for the user's data, with LAPACK's own report last.
          printError(
            "error: cannot fit weights to \(source): the least-squares system could not be solved; "
              + "the outcomes or the score terms are too extreme or too uniform (\(error))")
          throw ExitStatus.dataError
        }
        var out = "\(tuning.observations) outcomes, \(tuning.features.count) weights;"
        out += " ridge penalty \(tuning.penalty) (chosen by cross-validation)\n"
        if tuning.tooLittleData {
          out += "warning: fewer than 5 outcomes per weight: treat these weights as a hint, not a result\n"
        }
        out += "cross-validated RMS error: tuned \(PairExplanation.number(tuning.crossValidatedError)),"
        out += " current weights \(PairExplanation.number(tuning.currentError))\n\n"
        let width = max(28, (tuning.features.map(\.count).max() ?? 0) + 2)
        out += "weight".padding(toLength: width, withPad: " ", startingAt: 0) + "coefficient  std. error\n"
        for (index, name) in tuning.features.enumerated() {
          out += name.padding(toLength: width, withPad: " ", startingAt: 0)
          out += PairExplanation.number(tuning.coefficients[index]).padding(toLength: 13, withPad: " ", startingAt: 0)
          out +=
            tuning.informative[index]
            ? PairExplanation.number(tuning.standardErrors[index]) + "\n"
            : "- (no variation in the data: kept at \(PairExplanation.number(tuning.configuredWeights[index])))\n"
        }
        out += TuningNotes.text(tuning)
        print(out, terminator: "")
        if let output, !tuning.beatsCurrent, !force {
          printError(
            "not written: \(output) (the tuned weights do not beat the current ones; --force writes it anyway)")
        } else if let output {
          try AtomicFile.write(ConfigurationWriter.yaml(tuning.configuration), to: output)
          printError("wrote the tuned configuration to \(output); review it, then use it with --config")
        }
      }
    }
  }
}
