import CompetencyModel
import Foundation
import Rationale

/// The JSON form of a pairing plan, schema `mentor-match/plan` version 1
/// (see `Docs/plan-format.md`). Keys are sorted, so identical plans encode to
/// identical bytes.
public struct PlanDocument: Codable, Sendable, Equatable {
  /// A person reference.
  public struct PersonRef: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The e-mail address, absent when the cohort file has none.
    public var email: String?
  }
  /// One competency's part in a pair's score.
  public struct CompetencyPart: Codable, Sendable, Equatable {
    public var name: String
    public var menteeLevel: Double
    public var goal: Double
    public var mentorLevel: Double
    public var contribution: Double
  }
  /// One pair.
  public struct Pair: Codable, Sendable, Equatable {
    public var mentee: PersonRef
    public var mentor: PersonRef
    public var score: Double
    public var rank: Int
    public var eligibleMentors: Int
    public var components: [String: Double]
    public var competencies: [CompetencyPart]
    public var rationale: [String]
    public var growthPlan: GrowthPlan
  }
  /// One unmatched mentee.
  public struct Unmatched: Codable, Sendable, Equatable {
    public var mentee: PersonRef
    public var reason: String
    public var explanation: String
  }

  /// What the optimality proof covered: every allowed pair's reduced cost
  /// was checked against the final duals.
  public struct Certificate: Codable, Sendable, Equatable {
    public var pairsChecked: Int
    public var candidatePairs: Int
    public var rounds: Int
    public var violationsPerRound: [Int]
  }

  /// The schema name.
  public var schema = "mentor-match/plan"
  /// The schema version.
  public var version = 1
  /// The sum of the pairs' scores.
  public var objective: Double
  public var summary: PlanSummary
  public var metrics: CohortMetrics
  public var pairs: [Pair]
  public var unmatched: [Unmatched]
  public var certificate: Certificate

  /// The document of `plan`.
  ///
  /// - Complexity: O(size of the plan).
  public init(_ plan: PairingPlan) {
    let s = plan.summary
    let cohort = plan.model.cohort
    objective = s.totalScore
    summary = s
    metrics = plan.metrics
    pairs = plan.pairs.map { p in
      Pair(
        mentee: PersonRef(id: p.menteeID, name: p.menteeName, email: cohort.mentees[p.menteeIndex].person.email),
        mentor: PersonRef(id: p.mentorID, name: p.mentorName, email: cohort.mentors[p.mentorIndex].person.email),
        score: p.score, rank: p.rank, eligibleMentors: p.eligibleMentors,
        components: Dictionary(uniqueKeysWithValues: p.breakdown.components.map { ($0.name, $0.value) }),
        competencies: p.breakdown.competencies.map {
          CompetencyPart(
            name: $0.name, menteeLevel: $0.menteeLevel, goal: $0.goal, mentorLevel: $0.mentorLevel,
            contribution: $0.value)
        },
        rationale: p.highlights, growthPlan: p.growthPlan)
    }
    let c = plan.certificate
    certificate = Certificate(
      pairsChecked: c.pairsChecked, candidatePairs: c.finalCandidatePairs, rounds: c.rounds,
      violationsPerRound: c.violationsPerRound)
    unmatched = plan.unmatched.map { u in
      let code: String
      switch u.reason {
      case .noEligibleMentor: code = "no_eligible_mentor"
      case .belowMinimumFit: code = "below_minimum_fit"
      case .capacityExhausted: code = "capacity_exhausted"
      }
      return Unmatched(
        mentee: PersonRef(id: u.menteeID, name: u.menteeName, email: cohort.mentees[u.menteeIndex].person.email),
        reason: code, explanation: u.explanation)
    }
  }

  /// The document as pretty-printed JSON with sorted keys and a final newline.
  ///
  /// - Complexity: O(size of the document).
  public func encoded() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain value types cannot fail: every Double is finite.
    let data = try! encoder.encode(self)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
