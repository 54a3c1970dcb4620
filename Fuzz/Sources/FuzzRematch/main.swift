import CompetencyModel
import Foundation
import FuzzSupport
import Interchange

/// The re-match inputs (`rematch --ended`, `--leavers`) against the fixture
/// cohort: the bytes before the first NUL are `ended.csv`, the rest
/// `leavers.csv`. Accepted ended pairs are pairs of the recorded plan;
/// accepted leavers are people of the cohort.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRematch(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let (ended, leavers) = FuzzInput.twoTexts(data, size)
  let cohort = FuzzCohortFixture.cohort
  let recorded: Set<PersonPair> = [
    PersonPair(menteeID: "e0", mentorID: "m0"), PersonPair(menteeID: "e2", mentorID: "m1"),
  ]
  do {
    let pairs = try RematchInputs.ended(text: ended, file: "ended.csv", recorded: recorded)
    precondition(pairs.isSubset(of: recorded), "an ended pair that was never recorded accepted")
  } catch {
    FuzzInput.checkReported(error, files: ["ended.csv"])
  }
  do {
    let ids = try RematchInputs.leavers(text: leavers, file: "leavers.csv", cohort: cohort)
    let known = Set(cohort.mentees.map(\.id)).union(cohort.mentors.map(\.id))
    precondition(ids.isSubset(of: known), "a leaver outside the cohort accepted")
  } catch {
    FuzzInput.checkReported(error, files: ["leavers.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzRematch))
