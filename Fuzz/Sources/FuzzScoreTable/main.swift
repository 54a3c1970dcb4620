import Foundation
import FuzzSupport
import Interchange

/// The score table reader (`SCORES.csv` of `solve`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzScoreTable(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    _ = try ScoreTableReader.parse(FuzzInput.text(data, size), file: "scores.csv")
  } catch {
    FuzzInput.checkReported(error, files: ["scores.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzScoreTable))
