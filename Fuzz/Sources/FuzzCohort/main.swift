import Foundation
import FuzzSupport
import Interchange

/// The cohort reader: the bytes before the first NUL are `mentors.csv`, the
/// rest `mentees.csv`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCohort(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let (mentors, mentees) = FuzzInput.twoTexts(data, size)
  do {
    let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
    precondition(Set(result.cohort.mentors.map(\.person.id)).count == result.cohort.mentors.count)
    precondition(Set(result.cohort.mentees.map(\.person.id)).count == result.cohort.mentees.count)
  } catch {
    FuzzInput.checkReported(error, files: ["mentors.csv", "mentees.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzCohort))
