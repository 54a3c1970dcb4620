import ArgumentParser
import Assignment
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match sensitivity`: how stable the plan is under perturbed weights.
  struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-match under randomly perturbed weights and report how stable each pair is.",
      discussion: """
        Each run multiplies every weight by exp(spread · z), z standard normal from --seed; each run \
        is warm-started from the plan. Then each weight alone moves by ±spread, to show which weights \
        the plan is most sensitive to.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(name: .long, help: "How many perturbed runs.")
    var runs = 20

    @Option(name: .long, help: "The size of the perturbation (0.1 is about ±10 %).")
    var spread = 0.1

    @Option(name: .long, help: "The random seed of the perturbations.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many of the least stable pairs to list.")
    var show = 10

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
      guard runs >= 1, runs <= 10_000 else { throw ValidationError("--runs must be from 1 to 10000.") }
      guard spread > 0, spread < 1 else { throw ValidationError("--spread must be above 0 and below 1.") }
      guard show >= 0 else { throw ValidationError("--show must be zero or more.") }
    }

    func run() throws {
      try reportingErrors {
        let loaded = try cohort.load()
        let progress = progressOptions.reporter()
        let plan = CohortMatcher.match(
          loaded.cohort, configuration: loaded.configuration, history: loaded.history,
          requirements: loaded.requirements, progress: progress)
        let analysis = SensitivityAnalysis(
          plan: plan, history: loaded.history, requirements: loaded.requirements, runs: runs, spread: spread,
          seed: seed, progress: progress)
        progress.finish()
        let shares = analysis.stability.map(\.share)
        let stable = shares.filter { $0 == 1 }.count
        var out = "\(runs) runs, weights perturbed by about ±\(Int((spread * 100).rounded())) %\n"
        out += "pairs kept in every run: \(stable) of \(shares.count)"
        if !shares.isEmpty {
          out += "; mean stability \(PairExplanation.number(shares.reduce(0, +) / Double(shares.count)))"
        }
        out += "\n\nleast stable pairs:\n"
        for entry in analysis.stability.sorted(by: {
          $0.share != $1.share ? $0.share < $1.share : $0.menteeID < $1.menteeID
        })
        .prefix(show) {
          out += "  \(entry.menteeID) → \(entry.mentorID): kept in \(Int((entry.share * 100).rounded())) % of runs\n"
        }
        out += "\npairs changed when one weight moves by ∓\(Int((spread * 100).rounded())) %:\n"
        for effect in analysis.effects {
          out += "  \(effect.weight): \(effect.changedWhenLower) / \(effect.changedWhenHigher)\n"
        }
        print(DisplayText.visible(out, keepingLineBreaks: true), terminator: "")
      }
    }
  }
}
