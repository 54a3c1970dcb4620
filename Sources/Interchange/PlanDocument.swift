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
  /// Large plans encode their pairs in chunks on every core and splice them
  /// in; the bytes are those of one `JSONEncoder` pass over the whole
  /// document (tested).
  ///
  /// - Complexity: O(size of the document).
  public func encoded() -> String {
    if pairs.count > 4096, let spliced = encoded(pairsPerChunk: 4096) { return spliced }
    return Self.json(self) + "\n"
  }

  /// The document with its pairs encoded `pairsPerChunk` at a time, in
  /// parallel, and spliced into the rest; `nil` if the encoder's layout of an
  /// empty pair list is not the expected one.
  func encoded(pairsPerChunk: Int) -> String? {
    var skeleton = self
    skeleton.pairs = []
    let outline = Self.json(skeleton)
    guard let range = outline.range(of: "\"pairs\" : [\n\n  ]") else { return nil }
    let chunks = stride(from: 0, to: pairs.count, by: max(1, pairsPerChunk)).map {
      Array(pairs[$0..<min($0 + max(1, pairsPerChunk), pairs.count)])
    }
    let encodedChunks = ChunkResults(count: chunks.count)
    DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
      // "[\n  {…},\n  {…}\n]": the items, one level deeper in the document.
      let items = Self.json(chunks[c]).dropFirst(2).dropLast(2)
      let indented = items.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
      encodedChunks.set(c, indented.joined(separator: "\n"))
    }
    let list = chunks.isEmpty ? "[\n\n  ]" : "[\n" + encodedChunks.all().joined(separator: ",\n") + "\n  ]"
    return outline.replacingCharacters(in: range, with: "\"pairs\" : " + list) + "\n"
  }

  private static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain value types cannot fail: every Double is finite.
    let data = try! encoder.encode(value)
    return String(decoding: data, as: UTF8.self)
  }

  /// One encoded chunk per slot, each written by one thread.
  private final class ChunkResults: @unchecked Sendable {
    private var results: [String]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) { lock.withLock { results[index] = text } }

    func all() -> [String] { lock.withLock { results } }
  }
}
