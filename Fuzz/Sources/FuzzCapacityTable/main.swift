import Foundation
import FuzzSupport
import Interchange

/// The capacity table reader (`--capacities` of `solve`) against three mentors.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCapacityTable(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let mentors = ["m0", "m1", "m2"]
  do {
    let capacities = try CapacityTableReader.parse(FuzzInput.text(data, size), file: "caps.csv", mentorIDs: mentors)
    precondition(capacities.count == mentors.count, "one capacity per mentor")
    precondition(capacities.allSatisfy { $0 >= 0 }, "negative capacity accepted")
  } catch {
    FuzzInput.checkReported(error, files: ["caps.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzCapacityTable))
