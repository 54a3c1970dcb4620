import CompetencyModel
import Rationale

/// The text `mentor-match explain` prints.
public enum PairExplanationReport {
  /// Explains mentee `i`'s place in `plan`: the pair (or why none), then each
  /// mentor of `mentors`, or else the mentee's best `alternatives` mentors.
  ///
  /// - Complexity: one certified solve per mentor explained.
  public static func render(plan: PairingPlan, mentee i: Int, mentors: [Int], alternatives: Int) -> String {
    let cohort = plan.model.cohort
    let mentee = cohort.mentees[i]
    var out = "\(mentee.id) \(mentee.person.name)\n"
    if let pair = plan.pairs.first(where: { $0.menteeIndex == i }) {
      out += "  paired with \(pair.mentorID) \(pair.mentorName), score \(PlanNumbers.score(pair.score)),"
      out += " rank \(pair.rank) of \(pair.eligibleMentors) eligible mentors\n"
      for line in pair.highlights { out += "    · \(line)\n" }
    } else if let unmatched = plan.unmatched.first(where: { $0.menteeIndex == i }) {
      out += "  unmatched: \(unmatched.explanation)\n"
      if case .capacityExhausted = unmatched.reason {
        out +=
          "  capacity advice: "
          + PlanNumbers.capacityAdvice(forUnmatched: CapacityAdvice.forUnmatched(mentee: i, in: plan)) + "\n"
      }
    }
    let explained =
      mentors.isEmpty
      ? plan.alternatives(mentee: i, count: alternatives) : mentors.map { plan.alternative(mentee: i, mentor: $0) }
    for a in explained {
      let mentor = cohort.mentors[a.mentorIndex]
      out += "\n  \(a.mentorID) \(mentor.person.name): score \(PlanNumbers.score(a.score))"
      switch a.status {
      case .chosen:
        out += " — the plan's choice\n"
      case .notComputed:
        out += " — the exact cost of taking this mentor is not computed under a department cap\n"
      case .required:
        out += " — not possible: the programme's pair rules fix this mentee's pair\n"
      case .excluded(let rule):
        out += " — not allowed: \(rule.explanation)\n"
      case .noCapacity:
        out += " — offers no places this cohort\n"
      case .tradeOff:
        out += "\n    holds \(a.placesHeldBy.isEmpty ? "no one" : a.placesHeldBy.joined(separator: ", "))"
        out += " (\(mentor.capacity) place\(mentor.capacity == 1 ? "" : "s"))\n"
        out += "    fixing this pair and re-solving the rest: "
        if a.matchedChange < 0 {
          out += "\(-a.matchedChange) fewer mentee\(a.matchedChange == -1 ? "" : "s") matched, "
        } else {
          out += "as many mentees matched, "
        }
        out += "total fit \(PlanNumbers.signed(a.totalScoreChange))\n"
      }
      let contributing = a.breakdown.competencies.filter { $0.value > 0 }
      for c in contributing.prefix(PairExplanation.competenciesShown) {
        out += "    · \(PairExplanation.line(c))\n"
      }
      if let more = PairExplanation.moreCompetencies(contributing) { out += "    · \(more)\n" }
    }
    return out
  }
}
