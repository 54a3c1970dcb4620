import Foundation
import FuzzSupport
import Interchange

/// The circle history reader (`circles --history`): accepted pairs are of
/// two different, non-empty members.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCircleHistory(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    let pairs = try CircleHistoryReader.parse(FuzzInput.text(data, size), file: "circles.csv")
    for pair in pairs {
      precondition(!pair.menteeID.isEmpty && !pair.mentorID.isEmpty, "a pair with an empty member")
      precondition(pair.menteeID != pair.mentorID, "a member paired with themselves")
    }
  } catch {
    FuzzInput.checkReported(error, files: ["circles.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzCircleHistory))
