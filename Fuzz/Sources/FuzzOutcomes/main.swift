import Foundation
import FuzzSupport
import Interchange

/// The outcomes reader: accepted rows hold distinct pairs with values in range.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOutcomes(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    let rows = try OutcomesReader.parse(FuzzInput.text(data, size), file: "outcomes.csv")
    precondition(Set(rows.map(\.pair)).count == rows.count, "a pair accepted twice")
    precondition(rows.allSatisfy { OutcomesReader.valueRange.contains($0.value) }, "an outcome out of range")
  } catch {
    FuzzInput.checkReported(error, files: ["outcomes.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzOutcomes))
