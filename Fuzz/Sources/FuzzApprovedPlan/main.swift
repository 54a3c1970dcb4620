import CompetencyModel
import Foundation
import FuzzSupport
import Interchange

/// The edited-plan reader (`ledger record --plan`) against the fixture
/// cohort: an accepted plan pairs each mentee at most once, keeps every
/// mentor within capacity and names the pairs it was given.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzApprovedPlan(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let cohort = FuzzCohortFixture.cohort
  let configuration = MatchingConfiguration()
  let model = FitModel(cohort: cohort, configuration: configuration)
  let rules = PairRules(cohort, configuration: configuration)
  do {
    let (pairs, warnings) = try ApprovedPlanReader.parse(
      FuzzInput.text(data, size), file: "plan.csv", model: model, rules: rules)
    precondition(Set(pairs.map(\.menteeIndex)).count == pairs.count, "a mentee paired twice")
    var load = [Int](repeating: 0, count: cohort.mentors.count)
    for pair in pairs {
      precondition(cohort.mentees[pair.menteeIndex].id == pair.menteeID, "mentee index and id disagree")
      precondition(cohort.mentors[pair.mentorIndex].id == pair.mentorID, "mentor index and id disagree")
      precondition(pair.score.isFinite, "a pair without a finite score")
      load[pair.mentorIndex] += 1
    }
    for (j, mentor) in cohort.mentors.enumerated() {
      precondition(load[j] <= mentor.capacity, "a mentor over capacity accepted")
    }
    precondition(warnings.count == pairs.filter { $0.ruleBreak != nil }.count, "one warning per rule break")
    FuzzInput.checkPlaces(warnings, files: ["plan.csv"])
  } catch {
    FuzzInput.checkReported(error, files: ["plan.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzApprovedPlan))
