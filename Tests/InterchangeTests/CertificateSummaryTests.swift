import Assignment
import Testing

@testable import Interchange

/// The certificate's one-line summary states the figures the certificate
/// holds: rounds, violations found by pricing, and the final candidate pairs,
/// never a difference of unlike counts (pricing may find more violations than
/// it adds, so "added" counts could go negative).
@Suite struct CertificateSummaryTests {
  /// A real certificate (of a one-pair solve) carrying the given counts.
  func certificate(violations: [Int], finalPairs: Int) -> CertifiedAssignment.Certificate {
    let problem = AssignmentProblem(rows: 1, columns: 1, scores: [1], capacities: [1])
    var certificate = CertifiedAssignment.solve(
      DenseScoreSource(problem), capacities: [1], sense: .maximize, candidatesPerRow: nil
    ).1
    certificate.pairsChecked = 420_030
    certificate.finalCandidatePairs = finalPairs
    certificate.violationsPerRound = violations
    return certificate
  }

  @Test func violationsBeyondTheFinalCandidatesStayTruthful() {
    let summary = SolveReport.Certificate(certificate(violations: [125_000, 601, 0], finalPairs: 84_499)).summary
    #expect(
      summary
        == "Optimal over all 420030 allowed pairs: every pair checked against the final duals"
        + " (3 rounds, 125601 violations found on the way, 84499 candidate pairs in the final solve)")
  }

  @Test func oneRoundReadsInTheSingular() {
    let summary = SolveReport.Certificate(certificate(violations: [0], finalPairs: 1)).summary
    #expect(summary.hasSuffix("(1 round, 0 violations found on the way, 1 candidate pair in the final solve)"))
  }
}
