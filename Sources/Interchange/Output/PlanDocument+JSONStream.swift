import CompetencyModel
import Foundation
import Rationale

extension PlanDocument {
  /// The document's parts other than its pairs and unmatched mentees
  /// (both empty): objective, summary, metrics and certificate.
  ///
  /// - Complexity: O(size of the summary and metrics), not of the pairs.
  init(skeletonOf plan: PairingPlan) {
    let s = plan.summary
    objective = s.totalScore
    summary = s
    metrics = plan.metrics
    pairs = []
    unmatched = []
    let c = plan.certificate
    certificate = Certificate(
      pairsChecked: c.pairsChecked, candidatePairs: c.finalCandidatePairs, rounds: c.rounds,
      violationsPerRound: c.violationsPerRound)
  }

  /// The document's entry for one pair of the plan.
  ///
  /// - Complexity: O(size of the pair's breakdown and growth plan).
  static func pair(_ p: PlannedPair, cohort: Cohort) -> Pair {
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

  /// The document's entry for one unmatched mentee of the plan.
  ///
  /// - Complexity: O(length of the explanation).
  static func unmatched(_ u: UnmatchedMentee, cohort: Cohort) -> Unmatched {
    Unmatched(
      mentee: PersonRef(id: u.menteeID, name: u.menteeName, email: cohort.mentees[u.menteeIndex].person.email),
      reason: reasonCode(u.reason), explanation: u.explanation)
  }

  /// The document's code for why a mentee is unmatched.
  ///
  /// - Complexity: O(1).
  static func reasonCode(_ reason: UnmatchedMentee.Reason) -> String {
    switch reason {
    case .noEligibleMentor: "no_eligible_mentor"
    case .belowMinimumFit: "below_minimum_fit"
    case .capacityExhausted: "capacity_exhausted"
    case .noGrowthGoal: "no_growth_goal"
    }
  }

  /// Streams the JSON plan of `plan`: the bytes of
  /// `PlanDocument(plan).encodedData()` (Foundation's `JSONEncoder`,
  /// pretty-printed, sorted keys, DEL and C1 controls escaped, a final
  /// newline), byte for byte (tested on generated plans with awkward
  /// strings and numbers), without building the document.
  ///
  /// The small parts (summary, metrics, certificate) go through the encoder;
  /// the pairs and unmatched mentees are written by ``JSONStreamWriter``,
  /// blocks of pairs on every core, each block's bytes handed to `sink` in
  /// order, so memory holds a few blocks, not the document.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - sink: Where the bytes go.
  /// - Complexity: O(size of the document); at most 8 × cores blocks of 256 pairs in memory
  ///   beyond the sink's megabyte (about 11 MB of a generated plan at 2 cores).
  public static func writeJSON(_ plan: PairingPlan, to sink: inout ByteSink) {
    let outline = [UInt8](json(PlanDocument(skeletonOf: plan)))
    let cohort = plan.model.cohort
    let pairsMarker = Array("\n  \"pairs\" : [\n\n  ]".utf8)
    let unmatchedMarker = Array("\n  \"unmatched\" : [\n\n  ]".utf8)
    guard let pairsAt = outline.firstRange(of: pairsMarker), let unmatchedAt = outline.firstRange(of: unmatchedMarker),
      pairsAt.upperBound <= unmatchedAt.lowerBound
    else {
      // Not the layout expected of the encoder: encode the whole document.
      PlanDocument(plan).encodedData().withUnsafeBytes { sink.append($0.bindMemory(to: UInt8.self)) }
      return
    }
    outline[..<pairsAt.lowerBound].withUnsafeBufferPointer { sink.append($0) }
    let order = ComponentOrder(plan.pairs.first?.breakdown.components ?? [])
    writeArray(key: "pairs", count: plan.pairs.count, to: &sink) { index, json, out in
      writePair(plan.pairs[index], cohort: cohort, order: order, json: &json, to: &out)
    }
    outline[pairsAt.upperBound..<unmatchedAt.lowerBound].withUnsafeBufferPointer { sink.append($0) }
    writeArray(key: "unmatched", count: plan.unmatched.count, to: &sink) { index, json, out in
      writeUnmatched(plan.unmatched[index], cohort: cohort, json: &json, to: &out)
    }
    outline[unmatchedAt.upperBound...].withUnsafeBufferPointer { sink.append($0) }
    sink.append(0x0A)
  }

  /// Writes `\n  "key" : [` … `\n  ]` (or the encoder's empty array) with
  /// `count` elements, each written by `element` at the depth of the
  /// document's top-level arrays; blocks of elements are written in
  /// parallel and handed to `sink` in order.
  private static func writeArray(
    key: String, count: Int, to sink: inout ByteSink,
    element: @Sendable (Int, inout JSONStreamWriter, inout ByteSink) -> Void
  ) {
    sink.append("\n  " as StaticString)
    JSONStreamWriter.string(key, &sink)
    sink.append(" : [" as StaticString)
    guard count > 0 else {
      sink.append("\n\n  ]" as StaticString)
      return
    }
    sink.appendBlocks(count: count, block: 256) { range, out in
      // Later blocks continue a non-empty array: their first element takes a comma.
      var json = JSONStreamWriter.resumingArray(atDepth: 2, holdingElements: range.lowerBound > 0)
      for index in range {
        json.element(&out)
        element(index, &json, &out)
      }
    }
    sink.append("\n  ]" as StaticString)
  }

  /// The order in which the encoder writes a pair's components
  /// (`.sortedKeys`), found once for the names of the plan's first pair.
  private struct ComponentOrder: Sendable {
    /// The names, in ``ScoreBreakdown/components``' order.
    var names: [String] = []
    /// Positions in `names`, sorted by name.
    var sorted: [Int] = []

    init(_ components: [(name: String, value: Double)]) {
      names = components.map(\.name)
      sorted = Self.order(of: components)
    }

    /// The positions of `components` sorted by name: `sorted` when the
    /// names are the first pair's (always, as ``ScoreBreakdown/components``
    /// fixes them), else sorted anew.
    ///
    /// - Complexity: O(*c*) for *c* components when the names are the first pair's.
    func order(of components: [(name: String, value: Double)]) -> [Int] {
      if components.count == names.count, names.indices.allSatisfy({ components[$0].name == names[$0] }) {
        return sorted
      }
      return Self.order(of: components)
    }

    private static func order(of components: [(name: String, value: Double)]) -> [Int] {
      components.indices.sorted { JSONStreamWriter.keyPrecedes(components[$0].name, components[$1].name) }
    }
  }

  /// Writes one pair object as the encoder lays ``pair(_:cohort:)`` out,
  /// keys sorted, straight from the plan's pair (no intermediate document).
  private static func writePair(
    _ p: PlannedPair, cohort: Cohort, order: ComponentOrder, json: inout JSONStreamWriter, to out: inout ByteSink
  ) {
    json.beginObject(&out)
    json.key(plain: "competencies", &out)
    json.beginArray(&out)
    for part in p.breakdown.competencies {
      json.element(&out)
      json.beginObject(&out)
      json.member(plain: "contribution", number: part.value, &out)
      json.member(plain: "goal", number: part.goal, &out)
      json.member(plain: "menteeLevel", number: part.menteeLevel, &out)
      json.member(plain: "mentorLevel", number: part.mentorLevel, &out)
      json.member(plain: "name", visible: part.name, &out)
      json.end(&out)
    }
    json.end(&out)
    json.key(plain: "components", &out)
    json.beginObject(&out)
    let components = p.breakdown.components
    for index in order.order(of: components) {
      json.member(components[index].name, number: components[index].value, &out)
    }
    json.end(&out)
    json.member(plain: "eligibleMentors", integer: p.eligibleMentors, &out)
    json.key(plain: "growthPlan", &out)
    json.beginObject(&out)
    json.key(plain: "focus", &out)
    json.beginArray(&out)
    for focus in p.growthPlan.focus {
      json.element(&out)
      json.beginObject(&out)
      json.member(plain: "competency", visible: focus.competency, &out)
      json.member(plain: "current", number: focus.current, &out)
      if let midpoint = focus.midpoint { json.member(plain: "midpoint", number: midpoint, &out) }
      json.member(plain: "target", number: focus.target, &out)
      json.end(&out)
    }
    json.end(&out)
    json.key(plain: "milestones", &out)
    json.beginArray(&out)
    for milestone in p.growthPlan.milestones {
      json.element(&out)
      json.beginObject(&out)
      json.member(plain: "date", visible: milestone.date, &out)
      json.member(plain: "title", visible: milestone.title, &out)
      json.member(plain: "week", integer: milestone.week, &out)
      json.end(&out)
    }
    json.end(&out)
    json.end(&out)
    json.key(plain: "mentee", &out)
    writePerson(
      id: p.menteeID, name: p.menteeName, email: cohort.mentees[p.menteeIndex].person.email, json: &json, to: &out)
    json.key(plain: "mentor", &out)
    writePerson(
      id: p.mentorID, name: p.mentorName, email: cohort.mentors[p.mentorIndex].person.email, json: &json, to: &out)
    json.member(plain: "rank", integer: p.rank, &out)
    json.key(plain: "rationale", &out)
    json.beginArray(&out)
    for line in p.highlights {
      json.element(&out)
      JSONStreamWriter.visibleString(line, &out)
    }
    json.end(&out)
    json.member(plain: "score", number: p.score, &out)
    json.end(&out)
  }

  /// Writes one unmatched mentee object as the encoder lays
  /// ``unmatched(_:cohort:)`` out, keys sorted.
  private static func writeUnmatched(
    _ u: UnmatchedMentee, cohort: Cohort, json: inout JSONStreamWriter, to out: inout ByteSink
  ) {
    json.beginObject(&out)
    json.member(plain: "explanation", visible: u.explanation, &out)
    json.key(plain: "mentee", &out)
    writePerson(
      id: u.menteeID, name: u.menteeName, email: cohort.mentees[u.menteeIndex].person.email, json: &json, to: &out)
    json.member(plain: "reason", visible: reasonCode(u.reason), &out)
    json.end(&out)
  }

  /// Writes a person reference; `email` is left out when absent, as the encoder does.
  private static func writePerson(
    id: String, name: String, email: String?, json: inout JSONStreamWriter, to out: inout ByteSink
  ) {
    json.beginObject(&out)
    json.member(plain: "email", visible: email, &out)
    json.member(plain: "id", visible: id, &out)
    json.member(plain: "name", visible: name, &out)
    json.end(&out)
  }
}
