import Assignment
import Foundation

extension ScoreTableReader {
  /// The error for a score file whose scores double precision cannot
  /// certify (see ``ScoreResolution`` and Docs/solver.md), pointing at the
  /// cell that sets the spread, and naming the cell whose score would be
  /// lost when there is one.
  ///
  /// - Parameters:
  ///   - refusal: Why the scores cannot be certified.
  ///   - file: The score file's path, read again for the cells' lines and
  ///     columns (line 1, column 1 when it can no longer be read).
  /// - Returns: One problem, at the extreme score's cell.
  /// - Complexity: O(size of the file).
  public static func refusalError(_ refusal: ScoreResolution.Refusal, file: String) -> InputErrors {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    func location(_ cell: (row: Int, column: Int)) -> (line: Int, column: Int) {
      ScoreTableReader.location(row: cell.row, column: cell.column, in: text, file: file) ?? (1, 1)
    }
    let extreme = location(refusal.extremeCell)
    let message: String
    if let lostCell = refusal.lostCell, let lostScore = refusal.lostScore {
      let lost = location(lostCell)
      message =
        "the score \(refusal.extremeScore) widens the spread of the scores so far that double precision "
        + "resolves totals only to \(refusal.resolution), so the score \(lostScore) at "
        + "\(file):\(lost.line):\(lost.column) would be lost and the plan could not be certified optimal; "
        + "remove or rescale the extreme score (see Docs/solver.md)"
    } else {
      message =
        "the score \(refusal.extremeScore) makes the spread of the scores overflow double precision; "
        + "rescale the scores (see Docs/solver.md)"
    }
    return InputErrors([InputError(file: file, line: extreme.line, column: extreme.column, message: message)])
  }
}
