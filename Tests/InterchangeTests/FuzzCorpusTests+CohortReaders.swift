import CompetencyModel
import Foundation
import Interchange
import Testing

/// Replays the seeds of the fuzz targets for the people file, the
/// `columns:`/`scales:` mapping, choices, edited plans, circle history and
/// re-match inputs,
/// with the targets' checks; the cohort-bound readers read the fuzz fixture
/// cohort of `Fuzz/fixtures/`.
extension FuzzCorpusTests {
  /// The fixture cohort, or nil (with a message) when the folder is absent.
  func fixtureCohort() throws -> Cohort? {
    let folder = "Fuzz/fixtures"
    guard
      let mentors = try? String(contentsOfFile: folder + "/mentors.csv", encoding: .utf8),
      let mentees = try? String(contentsOfFile: folder + "/mentees.csv", encoding: .utf8)
    else {
      print("skipped: \(folder) not found (run the tests from the package root)")
      return nil
    }
    return try CohortReader.parse(mentors: mentors, mentees: mentees).cohort
  }

  /// The seed split at its first NUL byte into two texts.
  func twoTexts(_ data: Data) -> (String, String) {
    let cut = data.firstIndex(of: 0) ?? data.endIndex
    return (text(data[..<cut]), cut < data.endIndex ? text(data[(cut + 1)...]) : "")
  }

  @Test func peopleSeeds() throws {
    guard let seeds = try seeds("FuzzPeople") else { return }
    #expect(seeds.count >= 2)
    var accepted = 0
    for seed in seeds {
      do {
        let cohort = try CohortReader.parse(people: text(seed.data)).cohort
        #expect(Set(cohort.mentors.map(\.id)).count == cohort.mentors.count, "\(seed.name)")
        #expect(cohort.mentees.allSatisfy { (1...10).contains($0.mentorsWanted) }, "\(seed.name)")
        accepted += 1
      } catch { checkReported(error, files: ["people.csv"], seed: seed.name) }
    }
    #expect(accepted >= 1, "at least one seed is a valid people file")
  }

  @Test func mappingSeeds() throws {
    guard let seeds = try seeds("FuzzMapping") else { return }
    var accepted = 0
    for seed in seeds {
      let (configuration, people) = twoTexts(seed.data)
      do {
        let mapping = try CohortMappingReader.parse(configuration, file: "config.yaml")
        let cohort = try CohortReader.parse(people: people, mapping: mapping).cohort
        #expect(!cohort.mentors.isEmpty && !cohort.mentees.isEmpty, "\(seed.name)")
        accepted += 1
      } catch { checkReported(error, files: ["config.yaml", "people.csv"], seed: seed.name) }
    }
    #expect(accepted >= 2, "the HR-mapped and the native seeds read")
  }

  @Test func choiceSeeds() throws {
    guard let seeds = try seeds("FuzzChoices"), let cohort = try fixtureCohort() else { return }
    var outcomes: [Bool] = []
    for seed in seeds {
      do {
        let choices = try ChoicesReader.parse(text(seed.data), file: "choices.csv", cohort: cohort)
        #expect(choices.picks.count == cohort.mentees.count, "\(seed.name)")
        #expect(choices.picks.allSatisfy { Set($0).count == $0.count }, "\(seed.name)")
        outcomes.append(true)
      } catch {
        checkReported(error, files: ["choices.csv"], seed: seed.name)
        outcomes.append(false)
      }
    }
    #expect(Set(outcomes) == [true, false], "the seeds hold a valid and an invalid choices file")
  }

  @Test func approvedPlanSeeds() throws {
    guard let seeds = try seeds("FuzzApprovedPlan"), let cohort = try fixtureCohort() else { return }
    let configuration = MatchingConfiguration()
    let model = FitModel(cohort: cohort, configuration: configuration)
    let rules = PairRules(cohort, configuration: configuration)
    var outcomes: [Bool] = []
    for seed in seeds {
      do {
        let (pairs, _) = try ApprovedPlanReader.parse(text(seed.data), file: "plan.csv", model: model, rules: rules)
        #expect(Set(pairs.map(\.menteeIndex)).count == pairs.count, "\(seed.name)")
        for (j, mentor) in cohort.mentors.enumerated() {
          #expect(pairs.filter { $0.mentorIndex == j }.count <= mentor.capacity, "\(seed.name)")
        }
        outcomes.append(true)
      } catch {
        checkReported(error, files: ["plan.csv"], seed: seed.name)
        outcomes.append(false)
      }
    }
    #expect(Set(outcomes) == [true, false], "the seeds hold a valid and an invalid plan")
  }

  @Test func circleHistorySeeds() throws {
    guard let seeds = try seeds("FuzzCircleHistory") else { return }
    var outcomes: [Bool] = []
    for seed in seeds {
      do {
        let pairs = try CircleHistoryReader.parse(text(seed.data), file: "circles.csv")
        #expect(pairs.allSatisfy { $0.menteeID != $0.mentorID }, "\(seed.name)")
        outcomes.append(true)
      } catch {
        checkReported(error, files: ["circles.csv"], seed: seed.name)
        outcomes.append(false)
      }
    }
    #expect(Set(outcomes) == [true, false], "the seeds hold a valid and an invalid history")
  }

  @Test func rematchSeeds() throws {
    guard let seeds = try seeds("FuzzRematch"), let cohort = try fixtureCohort() else { return }
    let recorded: Set<PersonPair> = [
      PersonPair(menteeID: "e0", mentorID: "m0"), PersonPair(menteeID: "e2", mentorID: "m1"),
    ]
    var outcomes: [Bool] = []
    for seed in seeds {
      let (ended, leavers) = twoTexts(seed.data)
      do {
        let pairs = try RematchInputs.ended(text: ended, file: "ended.csv", recorded: recorded)
        let ids = try RematchInputs.leavers(text: leavers, file: "leavers.csv", cohort: cohort)
        #expect(pairs.isSubset(of: recorded) && !ids.isEmpty, "\(seed.name)")
        outcomes.append(true)
      } catch {
        checkReported(error, files: ["ended.csv", "leavers.csv"], seed: seed.name)
        outcomes.append(false)
      }
    }
    #expect(Set(outcomes) == [true, false], "the seeds hold valid and invalid re-match inputs")
  }
}
