import Foundation
import FuzzSupport
import Interchange

/// The people-file reader (one file with a `role` column): accepted cohorts
/// have distinct ids on each side, capacities of at least 0 and 1 to 10
/// mentors wanted.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPeople(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    let cohort = try CohortReader.parse(people: FuzzInput.text(data, size)).cohort
    precondition(Set(cohort.mentors.map(\.id)).count == cohort.mentors.count, "a mentor id accepted twice")
    precondition(Set(cohort.mentees.map(\.id)).count == cohort.mentees.count, "a mentee id accepted twice")
    precondition(cohort.mentors.allSatisfy { $0.capacity >= 0 }, "a negative capacity accepted")
    precondition(cohort.mentees.allSatisfy { (1...10).contains($0.mentorsWanted) }, "mentors wanted out of range")
    let width = cohort.competencies.count
    precondition(cohort.mentors.allSatisfy { $0.person.levels.count == width }, "a mentor's levels misaligned")
    precondition(
      cohort.mentees.allSatisfy { $0.person.levels.count == width && $0.goals.count == width },
      "a mentee's levels or goals misaligned")
  } catch {
    FuzzInput.checkReported(error, files: ["people.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzPeople))
