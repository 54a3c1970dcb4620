import Assignment
import CompetencyModel
import LinearAlgebra

/// A cohort's scores with its rules applied, served one block of mentees at a
/// time: the solver's view of a cohort of any size.
///
/// Invariant: `fill` writes exactly the scores of ``FitModel/scores()`` with
/// every pair the rules exclude replaced by `.nan`.
public struct CohortScoreSource: ScoreBlockSource {
  /// The fit model.
  public let model: FitModel
  /// The rules.
  public let rules: PairRules
  public let blockRows: Int

  /// Serves `model`'s scores under `rules`, in blocks of about `pairsPerBlock` pairs.
  public init(model: FitModel, rules: PairRules, pairsPerBlock: Int = 1 << 20) {
    self.model = model
    self.rules = rules
    blockRows = max(1, pairsPerBlock / max(model.cohort.mentors.count, 1))
  }

  public var rows: Int { model.cohort.mentees.count }
  public var columns: Int { model.cohort.mentors.count }

  public func fill(rows range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
    model.fillScores(mentees: range, into: buffer)
    rules.mask(rows: range, scores: buffer)
  }

  /// Runs `body` with BLAS on one thread, for fills from several threads.
  public func withSingleThreadedFills<T>(_ body: () -> T) -> T { BLASThreads.withOneThread(body) }
}
