import Assignment
import Foundation

/// The result of `mentor-match solve` on a score table, in the formats it
/// writes. JSON holds `objective`, `assignments` (`mentee`, `mentor`,
/// `score`), `unassigned` (mentee ids), `assigned` and `timings.solve`
/// (seconds in the solver alone, parsing excluded).
public struct SolveReport: Codable, Sendable, Equatable {
  /// One assigned pair.
  public struct Assignment: Codable, Sendable, Equatable {
    public var mentee: String
    public var mentor: String
    public var score: Double
  }
  /// Seconds spent per phase.
  public struct Timings: Codable, Sendable, Equatable {
    /// The solver alone.
    public var solve: Double
  }

  /// The total score of the assignments.
  public var objective: Double
  /// The number of assigned mentees.
  public var assigned: Int
  /// The assignments, in mentee order.
  public var assignments: [Assignment]
  /// The mentees left unassigned, in file order.
  public var unassigned: [String]
  /// The timings.
  public var timings: Timings
  /// The optimality certificate, when the certified solver ran.
  public var certificate: Certificate?

  /// What the optimality proof covered (see `CertifiedAssignment.Certificate`).
  public struct Certificate: Codable, Sendable, Equatable {
    /// Allowed pairs whose reduced cost was checked against the final duals.
    public var pairsChecked: Int
    /// Candidate pairs in the final sparse problem.
    public var candidatePairs: Int
    /// Violations found in each round; the last is 0.
    public var violationsPerRound: [Int]
    /// Whether the plan is proven exactly optimal (every score a multiple of
    /// the quantum the solver worked in; see Docs/solver.md).
    public var exact: Bool
    /// Otherwise the plan is optimal to within this much total score.
    public var resolution: Double

    /// What the proof covered, in one line of plain words (as `match` reports it).
    ///
    /// - Complexity: O(rounds).
    public var summary: String {
      let rounds = violationsPerRound.count
      let found = violationsPerRound.reduce(0, +)
      return "Optimal over all \(pairsChecked) allowed pairs: every pair checked against the final duals"
        + " (\(rounds) round\(rounds == 1 ? "" : "s"), \(found) violation\(found == 1 ? "" : "s") found on the way,"
        + " \(candidatePairs) candidate pair\(candidatePairs == 1 ? "" : "s") in the final solve)"
    }

    /// The certificate of a certified solve.
    public init(_ certificate: CertifiedAssignment.Certificate) {
      pairsChecked = certificate.pairsChecked
      candidatePairs = certificate.finalCandidatePairs
      violationsPerRound = certificate.violationsPerRound
      exact = certificate.exact
      resolution = certificate.exact ? 0 : certificate.resolution
    }
  }

  /// The report of `solution` on `table`.
  ///
  /// - Complexity: O(`mentees`).
  public init(
    table: ScoreTable, solution: AssignmentSolution, solveSeconds: Double,
    certificate: CertifiedAssignment.Certificate? = nil
  ) {
    let m = table.mentorIDs.count
    self.init(
      menteeIDs: table.menteeIDs, mentorIDs: table.mentorIDs, solution: solution, solveSeconds: solveSeconds,
      certificate: certificate, score: { table.scores[$0 * m + $1] })
  }

  /// The output formats of `solve`.
  public enum Format: String, Sendable, CaseIterable {
    case json, csv, table
  }

  /// Renders the report.
  ///
  /// - Complexity: O(`mentees`).
  public func render(_ format: Format) -> String {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      // Every number is finite, so encoding cannot fail.
      return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    case .csv:
      var writer = CSVWriter()
      writer.writeRow(["mentee", "mentor", "score"])
      for a in assignments { writer.writeRow([.text(a.mentee), .text(a.mentor), .number(a.score)]) }
      for id in unassigned { writer.writeRow([.text(id), .empty, .empty]) }
      return writer.text
    case .table:
      let width = max(6, assignments.map(\.mentee.count).max() ?? 0, unassigned.map(\.count).max() ?? 0)
      var out = "objective \(CSVWriter.format(objective)) · \(assigned) assigned · \(unassigned.count) unassigned\n"
      if let certificate { out += certificate.summary + "\n" }
      out += "MENTEE".padding(toLength: width, withPad: " ", startingAt: 0) + "  MENTOR  SCORE\n"
      for a in assignments {
        out +=
          a.mentee.padding(toLength: width, withPad: " ", startingAt: 0)
          + "  \(a.mentor)  \(CSVWriter.format(a.score))\n"
      }
      for id in unassigned { out += id.padding(toLength: width, withPad: " ", startingAt: 0) + "  -  unassigned\n" }
      return out
    }
  }
}
