import ArgumentParser
import CohortGenerator
import CompetencyModel
import Foundation
import Interchange
import MatchQuality

/// Prints the match-quality table of `Docs/quality.md`: on generated cohorts,
/// the bundled sample and the real-data cohort, goals covered against the
/// exact coverage bound, contributions from mentors at or below the mentee,
/// and the spread of scores. Run by `Benchmarks/quality/run.sh`.
@main
struct QualityBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quality-benchmark",
    abstract: "Measures match quality against the exact coverage bound (see Docs/quality.md).")

  @Option(help: "Generated cohorts, comma-separated MENTEESxMENTORSxCOMPETENCIES (seed 1, default configuration).")
  var sizes = "240x100x16,1000x400x16,2000x800x32"

  @Option(help: "The bundled sample cohort folder (its config.yaml and history.csv are used).")
  var sample = "Datasets/sample"

  @Option(help: "The real-data folder (default: $MENTORMATCH_REAL_DATA or ../shared/data/real).")
  var realData: String?

  @Flag(help: "Also measure the small real-data cohort (the one the test suite uses).")
  var small = false

  @Option(
    help: ArgumentHelp(
      "Term weights to set to 0 in every configuration, comma-separated: seniority, cross_department, timezone, mentee_preference, mentor_preference (for diagnosis).",
      valueName: "terms"))
  var zero = ""

  @Option(help: "Also write the full real-data cohort as mentors.csv and mentees.csv into this folder.")
  var writeRealCohort: String?

  /// `configuration` with the `--zero` terms set to 0.
  func adjusted(_ configuration: MatchingConfiguration) throws -> MatchingConfiguration {
    var result = configuration
    for term in zero.split(separator: ",") {
      switch term {
      case "seniority": result.terms.seniority = 0
      case "cross_department": result.terms.crossDepartment = 0
      case "timezone": result.terms.timezone = 0
      case "mentee_preference": result.terms.menteePreference = 0
      case "mentor_preference": result.terms.mentorPreference = 0
      default: throw ValidationError("--zero takes side-term names; \(term) is not one.")
      }
    }
    return result
  }

  func run() throws {
    if !zero.isEmpty { print("Side terms set to 0: \(zero)\n") }
    print(
      "| cohort | mentees (with goals) | matched | goals | covered | bound | covered / bound | contributions at or below mentee (of all) | no goal met while a mentor meeting all had places (one still free in the plan) | plan scores min / q1 / median / q3 / max | eligible pairs' scores min / q1 / median / q3 / max |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes.split(separator: ",") {
      let parts = size.split(separator: "x").compactMap { Int($0) }
      guard parts.count == 3 else { throw ValidationError("A size is MENTEESxMENTORSxCOMPETENCIES, not \(size).") }
      let generated = CohortGenerator(.init(mentees: parts[0], mentors: parts[1], competencies: parts[2], seed: 1))
        .generate()
      row(
        "generated \(size)",
        QualityMeasurement.measure(
          generated.cohort, configuration: try adjusted(MatchingConfiguration()), history: Set(generated.history)))
    }
    try measureSample()
    try measureRealData()
  }

  /// The bundled sample with its own configuration and history.
  func measureSample() throws {
    do {
      let source = try CohortSource.locate([sample])
      let cohort = try CohortReader.read(source).cohort
      let folder = sample as NSString
      let configPath = folder.appendingPathComponent("config.yaml")
      let historyPath = folder.appendingPathComponent("history.csv")
      let configuration =
        FileManager.default.fileExists(atPath: configPath)
        ? try ConfigurationReader.read(path: configPath) : MatchingConfiguration()
      let history =
        FileManager.default.fileExists(atPath: historyPath) ? try HistoryReader.read(path: historyPath).pairs : []
      row(
        "sample (\(sample))",
        QualityMeasurement.measure(cohort, configuration: try adjusted(configuration), history: history))
    } catch let error as CohortSource.LocateError {
      FileHandle.standardError.write(Data("quality-benchmark: \(error)\n".utf8))
      throw ExitCode(66)
    } catch let error as InputErrors {
      FileHandle.standardError.write(Data("quality-benchmark: \(error)\n".utf8))
      throw ExitCode(65)
    }
  }

  /// The real-data cohort (and its small variant), with the side-term checks.
  func measureRealData() throws {
    guard let folder = realData ?? RealDataCohort.dataDirectory() else {
      FileHandle.standardError.write(
        Data("quality-benchmark: no real data (../shared/data/real or $MENTORMATCH_REAL_DATA); skipped\n".utf8))
      return
    }
    var checks: [String] = []
    for size in small ? [RealDataCohort.Size.full, .small] : [.full] {
      let real: RealDataCohort
      do {
        real = try RealDataCohort.build(dataDirectory: folder, size: size)
      } catch {
        FileHandle.standardError.write(Data("quality-benchmark: \(error)\n".utf8))
        throw ExitCode(65)
      }
      if size == .full, let output = writeRealCohort {
        do {
          try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
          _ = try CohortWriter.write(real.cohort, toFolder: output)
        } catch {
          FileHandle.standardError.write(Data("quality-benchmark: \(error)\n".utf8))
          throw ExitCode(73)
        }
      }
      let measured = QualityMeasurement.measure(real.cohort, configuration: try adjusted(MatchingConfiguration()))
      row("real data (\(size.rawValue))", measured)
      let executives = real.menteeRoles.filter { $0 == "Sales Executive" }.count
      let managers = real.mentorRoles.filter { $0 == "Sales Manager" }.count
      let together = real.count(menteeRole: "Sales Executive", mentorRole: "Sales Manager", in: measured.pairs)
      var meetAll = 0
      var salesPairs = 0
      for (i, role) in real.menteeRoles.enumerated() where role == "Sales Executive" {
        for (j, other) in real.mentorRoles.enumerated() where other == "Sales Manager" {
          salesPairs += 1
          if CoverageBound.covered(real.cohort, mentee: i, mentor: j) == CoverageBound.goals(real.cohort, mentee: i) {
            meetAll += 1
          }
        }
      }
      var mentorsOfExecutives: [String: Int] = [:]
      var executivesMatched = 0
      var executivesAllMet = 0
      for pair in measured.pairs where real.menteeRoles[pair.mentee] == "Sales Executive" {
        mentorsOfExecutives[real.mentorRoles[pair.mentor], default: 0] += 1
        executivesMatched += 1
        if CoverageBound.covered(real.cohort, mentee: pair.mentee, mentor: pair.mentor)
          == CoverageBound.goals(real.cohort, mentee: pair.mentee)
        {
          executivesAllMet += 1
        }
      }
      let byRole = mentorsOfExecutives.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      checks.append(
        "- real data (\(size.rawValue)): \(together) of \(executives) sales executives (mentees) get one of the "
          + "\(managers) sales managers, who meet all of a sales executive's goals in \(meetAll) of the "
          + "\(salesPairs) pairs; \(executivesAllMet) of the \(executivesMatched) matched sales executives have a mentor "
          + "meeting all their goals; their mentors by role: \(byRole). "
          + "\(measured.noneCoveredWhileAllAvailable) mentees get a mentor meeting none of their goals while an "
          + "eligible mentor with places meets all of them; in \(measured.noneCoveredWhileAllFree) of these such a "
          + "mentor still has a free place in the plan.")
    }
    print()
    for check in checks { print(check) }
    print()
    print("Real-data cohort: \(RealDataCohort.credit) \(RealDataCohort.rosterNote)")
  }

  /// One table row.
  func row(_ name: String, _ q: QualityMeasurement) {
    func spread(_ s: QualityMeasurement.Spread?) -> String {
      guard let s else { return "–" }
      return [s.minimum, s.lowerQuartile, s.median, s.upperQuartile, s.maximum].map { String(format: "%.3f", $0) }
        .joined(separator: " / ")
    }
    let cells = [
      name, "\(q.mentees) (\(q.menteesWithGoals))", "\(q.matched)", "\(q.goals)", "\(q.goalsCovered)",
      "\(q.coverageBound)", String(format: "%.1f %%", 100 * q.coverageRatio),
      "\(q.contributionsAtOrBelowMentee) (of \(q.contributions))",
      "\(q.noneCoveredWhileAllAvailable) (\(q.noneCoveredWhileAllFree) free)",
      spread(q.planScores), spread(q.eligibleScores),
    ]
    print("| " + cells.joined(separator: " | ") + " |")
  }
}
