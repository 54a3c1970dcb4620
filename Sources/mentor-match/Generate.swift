import ArgumentParser
import Assignment
import CohortGenerator
import CompetencyModel
import Foundation
import Interchange

extension MentorMatch {
  /// `mentor-match generate`: a seeded, realistic synthetic cohort.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: "Generate a realistic synthetic cohort from a seed (rules: Docs/generator.md).",
      discussion:
        "Writes mentors.csv, mentees.csv and history.csv into the output folder, all three or none (with --shape: people.csv, config.yaml and history.csv). The same seed gives the same files."
    )

    @Option(name: .long, help: "The number of mentees.")
    var mentees = CohortGenerator.Parameters.sample.mentees

    @Option(name: .long, help: "The number of mentors.")
    var mentors = CohortGenerator.Parameters.sample.mentors

    @Option(name: .long, help: "The number of competencies.")
    var competencies = CohortGenerator.Parameters.sample.competencies

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = CohortGenerator.Parameters.sample.seed

    @Option(name: .long, help: "Give every mentor this capacity (default: drawn from 1 to 4).")
    var capacity: Int?

    @Option(
      name: .shortAndLong, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "folder"))
    var output: String

    @Flag(name: .long, help: "Overwrite existing files in the output folder.")
    var force = false

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Write one people file shaped like an HR export (workday: a worker export; forms: a Microsoft Forms export) and the config.yaml that reads it.",
        valueName: "workday|forms"))
    var shape: HRExportWriter.Shape?

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
      guard mentees >= 0, mentors >= 0 else { throw ValidationError("The numbers of people must be zero or more.") }
      guard mentees <= 10_000_000, mentors <= 2_000_000, competencies <= 10_000 else {
        throw ValidationError(
          "Generate at most 10,000,000 mentees, 2,000,000 mentors and 10,000 competencies.")
      }
      guard competencies >= 1 else { throw ValidationError("A cohort needs at least one competency.") }
      if let capacity, capacity < 0 || capacity > AssignmentProblem.maximumCapacity {
        throw ValidationError(
          "--capacity must be a whole number from 0 to \(AssignmentProblem.maximumCapacity), not \(capacity).")
      }
    }

    func run() throws {
      try reportingErrors {
        let names =
          shape == nil ? ["mentors.csv", "mentees.csv", "history.csv"] : ["people.csv", "config.yaml", "history.csv"]
        let files = names.map {
          (output as NSString).appendingPathComponent($0)
        }
        if !force, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0) }) {
          throw OutputError(path: existing, reason: "the file exists; pass --force to overwrite it")
        }
        var parameters = CohortGenerator.Parameters(
          mentees: mentees, mentors: mentors, competencies: competencies, seed: seed)
        if let capacity { parameters.capacityRange = capacity...capacity }
        let progress = progressOptions.reporter()
        progress.phase("generating \(mentees) mentees and \(mentors) mentors")
        let generated = CohortGenerator(parameters).generate()
        let history = PairHistory(pairs: Set(generated.history))
        progress.phase("writing")
        if let shape {
          let export = HRExportWriter.export(generated.cohort, shape: shape)
          try AtomicFolder.write(
            [
              ("people.csv", Data(export.people.utf8)), ("config.yaml", Data(export.configuration.utf8)),
              ("history.csv", Data(HistoryWriter.csv(history).utf8)),
            ], into: output)
          progress.finish()
          printError("wrote \(files.joined(separator: ", "))")
          return
        }
        try AtomicFolder.write(
          [
            ("mentors.csv", Data(CohortWriter.mentorsCSV(generated.cohort).utf8)),
            ("mentees.csv", Data(CohortWriter.menteesCSV(generated.cohort).utf8)),
            ("history.csv", Data(HistoryWriter.csv(history).utf8)),
          ], into: output)
        progress.finish()
        printError("wrote \(files.joined(separator: ", "))")
      }
    }
  }
}

extension HRExportWriter.Shape: ExpressibleByArgument {}
