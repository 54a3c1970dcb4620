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
    let code: String
    switch u.reason {
    case .noEligibleMentor: code = "no_eligible_mentor"
    case .belowMinimumFit: code = "below_minimum_fit"
    case .capacityExhausted: code = "capacity_exhausted"
    case .noGrowthGoal: code = "no_growth_goal"
    }
    return Unmatched(
      mentee: PersonRef(id: u.menteeID, name: u.menteeName, email: cohort.mentees[u.menteeIndex].person.email),
      reason: code, explanation: u.explanation)
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
  /// - Complexity: O(size of the document); O(cores × block) memory beyond the sink's buffer.
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
    writeArray(key: "pairs", count: plan.pairs.count, to: &sink) { index, json, out in
      writePair(pair(plan.pairs[index], cohort: cohort), json: &json, to: &out)
    }
    outline[pairsAt.upperBound..<unmatchedAt.lowerBound].withUnsafeBufferPointer { sink.append($0) }
    writeArray(key: "unmatched", count: plan.unmatched.count, to: &sink) { index, json, out in
      writeUnmatched(unmatched(plan.unmatched[index], cohort: cohort), json: &json, to: &out)
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
    sink.appendBlocks(count: count, block: 1024) { range, out in
      var json = JSONStreamWriter()
      var scratch = ByteSink()
      json.beginObject(&scratch)
      json.key(key, &scratch)
      json.beginArray(&scratch)
      // Later blocks continue a non-empty array: their first element takes a comma.
      if range.lowerBound > 0 { json.element(&scratch) }
      for index in range {
        json.element(&out)
        element(index, &json, &out)
      }
    }
    sink.append("\n  ]" as StaticString)
  }

  /// Writes one pair object as the encoder lays it out, keys sorted.
  private static func writePair(_ pair: Pair, json: inout JSONStreamWriter, to out: inout ByteSink) {
    json.beginObject(&out)
    json.key("competencies", &out)
    json.beginArray(&out)
    for part in pair.competencies {
      json.element(&out)
      json.beginObject(&out)
      json.member("contribution", number: part.contribution, &out)
      json.member("goal", number: part.goal, &out)
      json.member("menteeLevel", number: part.menteeLevel, &out)
      json.member("mentorLevel", number: part.mentorLevel, &out)
      json.member("name", visible: part.name, &out)
      json.end(&out)
    }
    json.end(&out)
    json.key("components", &out)
    json.beginObject(&out)
    for (name, value) in pair.components.sorted(by: { JSONStreamWriter.keyPrecedes($0.key, $1.key) }) {
      json.member(name, number: value, &out)
    }
    json.end(&out)
    json.member("eligibleMentors", integer: pair.eligibleMentors, &out)
    json.key("growthPlan", &out)
    json.beginObject(&out)
    json.key("focus", &out)
    json.beginArray(&out)
    for focus in pair.growthPlan.focus {
      json.element(&out)
      json.beginObject(&out)
      json.member("competency", visible: focus.competency, &out)
      json.member("current", number: focus.current, &out)
      json.member("midpoint", number: focus.midpoint, &out)
      json.member("target", number: focus.target, &out)
      json.end(&out)
    }
    json.end(&out)
    json.key("milestones", &out)
    json.beginArray(&out)
    for milestone in pair.growthPlan.milestones {
      json.element(&out)
      json.beginObject(&out)
      json.member("date", visible: milestone.date, &out)
      json.member("title", visible: milestone.title, &out)
      json.member("week", integer: milestone.week, &out)
      json.end(&out)
    }
    json.end(&out)
    json.end(&out)
    json.key("mentee", &out)
    writePerson(pair.mentee, json: &json, to: &out)
    json.key("mentor", &out)
    writePerson(pair.mentor, json: &json, to: &out)
    json.member("rank", integer: pair.rank, &out)
    json.key("rationale", &out)
    json.beginArray(&out)
    for line in pair.rationale {
      json.element(&out)
      JSONStreamWriter.visibleString(line, &out)
    }
    json.end(&out)
    json.member("score", number: pair.score, &out)
    json.end(&out)
  }

  /// Writes one unmatched mentee object, keys sorted.
  private static func writeUnmatched(_ entry: Unmatched, json: inout JSONStreamWriter, to out: inout ByteSink) {
    json.beginObject(&out)
    json.member("explanation", visible: entry.explanation, &out)
    json.key("mentee", &out)
    writePerson(entry.mentee, json: &json, to: &out)
    json.member("reason", visible: entry.reason, &out)
    json.end(&out)
  }

  /// Writes a person reference; `email` is left out when absent, as the encoder does.
  private static func writePerson(_ person: PersonRef, json: inout JSONStreamWriter, to out: inout ByteSink) {
    json.beginObject(&out)
    json.member("email", visible: person.email, &out)
    json.member("id", visible: person.id, &out)
    json.member("name", visible: person.name, &out)
    json.end(&out)
  }
}
