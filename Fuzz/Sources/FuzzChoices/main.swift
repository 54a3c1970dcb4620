import Foundation
import FuzzSupport
import Interchange

/// The choices reader (`match --choices`) against the fixture cohort: each
/// mentee's picks name real mentors, none twice.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzChoices(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let cohort = FuzzCohortFixture.cohort
  do {
    let choices = try ChoicesReader.parse(FuzzInput.text(data, size), file: "choices.csv", cohort: cohort)
    precondition(choices.picks.count == cohort.mentees.count, "one list of picks per mentee")
    for picks in choices.picks {
      precondition(picks.allSatisfy { cohort.mentors.indices.contains($0) }, "a pick outside the mentors")
      precondition(Set(picks).count == picks.count, "a mentor picked twice by one mentee")
    }
  } catch {
    FuzzInput.checkReported(error, files: ["choices.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzChoices))
