import CompetencyModel
import Foundation
import Interchange
import Testing

/// Replays the fuzz targets' seed corpora (`Fuzz/corpus/<target>/`) through
/// the same readers and checks in the ordinary test suite, so an input added
/// there after a crash stays a regression test without the sanitizer build.
@Suite struct FuzzCorpusTests {
  /// The seed files of a target, or nil (with a message) when the folder is absent.
  func seeds(_ target: String) throws -> [(name: String, data: Data)]? {
    let folder = "Fuzz/corpus/\(target)"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      print("skipped: \(folder) not found (run the tests from the package root)")
      return nil
    }
    return try names.sorted().map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
  }

  func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

  /// Every problem names the file and a real line and column.
  func checkReported(_ errors: InputErrors, files: Set<String>, seed: String) {
    #expect(!errors.errors.isEmpty, "\(seed)")
    for error in errors.errors {
      #expect(files.contains(error.file) && error.line >= 1 && error.column >= 1, "\(seed): \(error)")
    }
  }

  @Test func csvSeeds() throws {
    guard let seeds = try seeds("FuzzCSV") else { return }
    #expect(seeds.count >= 3)
    for seed in seeds {
      do {
        let table = try CSVTable.parse(text(seed.data), file: "fuzz.csv")
        #expect(table.records.allSatisfy { $0.count == table.header.count }, "\(seed.name)")
      } catch { checkReported(error, files: ["fuzz.csv"], seed: seed.name) }
    }
  }

  @Test func cohortSeeds() throws {
    guard let seeds = try seeds("FuzzCohort") else { return }
    #expect(!seeds.isEmpty)
    for seed in seeds {
      let cut = seed.data.firstIndex(of: 0) ?? seed.data.endIndex
      let mentors = text(seed.data[..<cut])
      let mentees = cut < seed.data.endIndex ? text(seed.data[(cut + 1)...]) : ""
      do {
        let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
        #expect(!result.cohort.mentors.isEmpty && !result.cohort.mentees.isEmpty, "\(seed.name)")
      } catch { checkReported(error, files: ["mentors.csv", "mentees.csv"], seed: seed.name) }
    }
  }

  @Test func configurationSeeds() throws {
    guard let seeds = try seeds("FuzzConfiguration") else { return }
    for seed in seeds {
      do { _ = try ConfigurationReader.parse(text(seed.data), file: "config.yaml") } catch {
        checkReported(error, files: ["config.yaml"], seed: seed.name)
      }
    }
  }

  @Test func tableSeeds() throws {
    guard let scores = try seeds("FuzzScoreTable"), let capacities = try seeds("FuzzCapacityTable") else { return }
    for seed in scores {
      let general: Result<ScoreTable, InputErrors>
      do { general = .success(try ScoreTableReader.parse(text(seed.data), file: "scores.csv")) } catch {
        checkReported(error, files: ["scores.csv"], seed: seed.name)
        general = .failure(error)
      }
      let forSolve: Result<ScoreTable, InputErrors>
      do {
        switch try ScoreTableReader.parseForSolve(text(seed.data), file: "scores.csv") {
        case .whole(let whole): forSolve = .success(whole.scoreTable)
        case .decimal(let table): forSolve = .success(table)
        }
      } catch { forSolve = .failure(error) }
      #expect(general == forSolve, "solve's reader disagrees on \(seed.name)")
    }
    for seed in capacities {
      do {
        let values = try CapacityTableReader.parse(text(seed.data), file: "caps.csv", mentorIDs: ["m0", "m1", "m2"])
        #expect(values.count == 3 && values.allSatisfy { $0 >= 0 }, "\(seed.name)")
      } catch { checkReported(error, files: ["caps.csv"], seed: seed.name) }
    }
  }

  @Test func outcomeSeeds() throws {
    guard let seeds = try seeds("FuzzOutcomes") else { return }
    for seed in seeds {
      do {
        let rows = try OutcomesReader.parse(text(seed.data), file: "outcomes.csv")
        #expect(Set(rows.map(\.pair)).count == rows.count, "\(seed.name)")
      } catch { checkReported(error, files: ["outcomes.csv"], seed: seed.name) }
    }
  }
}
