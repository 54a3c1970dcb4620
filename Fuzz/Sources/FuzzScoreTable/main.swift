import Foundation
import FuzzSupport
import Interchange

/// The score table reader (`SCORES.csv` of `solve`): the general reader, and
/// `solve`'s reader, which turns whole-number tables into one byte per pair.
/// Both must agree: the same table (bytes read back as scores) or the same
/// errors; the bytes' codes start at 0.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzScoreTable(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let text = FuzzInput.text(data, size)
  let general: Result<ScoreTable, InputErrors>
  do {
    general = .success(try ScoreTableReader.parse(text, file: "scores.csv"))
  } catch {
    FuzzInput.checkReported(error, files: ["scores.csv"])
    general = .failure(error)
  }
  let forSolve: Result<ScoreTable, InputErrors>
  do {
    switch try ScoreTableReader.parseForSolve(text, file: "scores.csv") {
    case .whole(let whole):
      // The codes start at 0 (maximising, they are the solver's ranks) and
      // the code range is the least and greatest allowed code.
      let allowed = whole.matrix.codes.filter { $0 != 255 }  // 255: a forbidden pair
      precondition(
        whole.matrix.codeRange == (allowed.isEmpty ? nil : 0...allowed.max()!)
          && (allowed.isEmpty || allowed.min() == 0), "solve's reader gave codes not from 0")
      forSolve = .success(whole.scoreTable)
    case .decimal(let table): forSolve = .success(table)
    }
  } catch {
    forSolve = .failure(error)
  }
  switch (general, forSolve) {
  case (.success(let a), .success(let b)):
    precondition(a == b, "solve's reader read a different table")
  case (.failure(let a), .failure(let b)):
    precondition(a == b, "solve's reader reported other errors")
  default:
    preconditionFailure("one reader failed where the other did not")
  }
  return 0
}

exit(FuzzInput.run(fuzzScoreTable))
