import CompetencyModel

/// Turns score components and reasons into plain words.
public enum PairExplanation {
  /// The number of competencies a pair's rationale describes in full (with
  /// levels); the others that add to the score follow on one line
  /// (``moreCompetencies(_:)``).
  public static let competenciesShown = 3

  /// How the line naming the other contributing competencies begins.
  public static let moreCompetenciesPrefix = "also, from "

  /// The reasons behind a pair, most important first: the competencies where
  /// the mentor covers part or all of the mentee's growth (with levels, e.g.
  /// "mentor at 4.5 (proficient) covers goal 4 (proficient) from 2.5
  /// (competent)"), the first ``competenciesShown`` in full and every other
  /// one by name and contribution on one line, then the other terms that add
  /// to the score. A competency where the mentor is at or below the mentee
  /// adds nothing and is not named.
  ///
  /// - Complexity: O(`competencies`).
  public static func highlights(_ breakdown: ScoreBreakdown, mentee: Person, mentor: Person) -> [String] {
    var lines: [String] = []
    let contributing = breakdown.competencies.filter { $0.value > 0 }
    for c in contributing.prefix(competenciesShown) { lines.append(line(c)) }
    if let more = moreCompetencies(contributing) { lines.append(more) }
    if breakdown.seniority > 0, let a = mentee.seniority, let b = mentor.seniority {
      lines.append("seniority: mentor \(grades(b - a)) more senior (\(signedFit(breakdown.seniority)))")
    }
    if breakdown.crossDepartment > 0, let a = mentee.department, let b = mentor.department {
      lines.append("cross-department: \(b) mentor for \(a) mentee (\(signedFit(breakdown.crossDepartment)))")
    }
    if breakdown.preference > 0 {
      var who: [String] = []
      if let r = mentee.preferences.firstIndex(of: mentor.id) { who.append("the mentee's choice \(r + 1)") }
      if let r = mentor.preferences.firstIndex(of: mentee.id) { who.append("the mentor's choice \(r + 1)") }
      lines.append("preference: \(who.joined(separator: ", ")) (\(signedFit(breakdown.preference)))")
    }
    if breakdown.timezone > 0, let a = mentee.utcOffsetMinutes, let b = mentor.utcOffsetMinutes {
      let apart = ScoreTerms.clockDifferenceHours(a, b)
      let phrase = apart == 0 ? "same working hours" : "\(number(apart)) h apart"
      lines.append("time zones: \(phrase) (\(signedFit(breakdown.timezone)))")
    }
    return lines
  }

  /// One competency's contribution in plain words: `"Coaching: mentor at 4.5
  /// (proficient) covers goal 4 (proficient) from 2.5 (advanced beginner) (+0.300)"`,
  /// or, short of the goal, `"… covers 0.6 of the 2 levels from 2.9 (competent)
  /// to goal 4.9 (expert) (+0.100)"`. Levels are stated as the cohort states
  /// them; the contribution is a fit score (``fit(_:)``).
  ///
  /// - Complexity: O(1).
  public static func line(_ c: ScoreBreakdown.CompetencyContribution) -> String {
    let covers =
      c.mentorCoversGoal
      ? "covers goal \(level(c.goal)) from \(level(c.menteeLevel))"
      : "covers \(number(c.coveredLevels)) of the \(number(c.goal - c.menteeLevel)) levels from "
        + "\(level(c.menteeLevel)) to goal \(level(c.goal))"
    return "\(c.name): mentor at \(level(c.mentorLevel)) \(covers) (\(signedFit(c.value)))"
  }

  /// The contributing competencies after the first ``competenciesShown``, by
  /// name and contribution, largest first, on one line: `"also, from 2 more
  /// competencies: Design (+0.050), Sales (+0.025)"`; `nil` when there are none.
  ///
  /// - Complexity: O(`competencies`).
  public static func moreCompetencies(_ contributing: [ScoreBreakdown.CompetencyContribution]) -> String? {
    let rest = contributing.dropFirst(competenciesShown)
    guard !rest.isEmpty else { return nil }
    let plural = rest.count == 1 ? "competency" : "competencies"
    return "\(moreCompetenciesPrefix)\(rest.count) more \(plural): "
      + rest.map { "\($0.name) (\(signedFit($0.value)))" }.joined(separator: ", ")
  }

  /// The command that gives the exact cost of a trade-off, as the rationale
  /// names it: in plain words, without markup; renderers that can show code
  /// (Markdown, HTML) show it as code where ``tieCost`` ends a trade-off line.
  public static let explainCommand = "mentor-match explain"

  /// The end of a trade-off line when taking the mentee's best-scoring
  /// mentor costs the cohort nothing the duals can see (a tie), naming
  /// ``explainCommand``. Plain text: no format's markup.
  public static let tieCost = "other plans may be as good; \(explainCommand) gives the exact cost of taking one"

  /// Why a mentee did not get their best-scoring mentor: who holds that
  /// mentor's places, and the least the cohort would lose by taking one, the
  /// pair's reduced cost against the optimal duals (`mentor-match explain`
  /// gives the exact figure by re-solving). A reduced cost of half the
  /// cardinality bonus or more means the cohort would match one mentee fewer;
  /// with no bonus (`bonus <= 0`) that is never claimed.
  ///
  /// - Complexity: O(holders).
  public static func tradeOff(
    mentorID: String, score: Double, holders: [String], reducedCost: Double, bonus: Double
  ) -> String {
    let held = holders.isEmpty ? "" : " holds places for \(holders.joined(separator: ", "));"
    let cost: String
    if bonus > 0, reducedCost >= bonus / 2 {
      cost = "taking one would leave another mentee without a mentor"
    } else if reducedCost < 0.0005 {
      cost = tieCost
    } else {
      cost = "taking one would cost the cohort at least \(fit(reducedCost)) in total fit"
    }
    return "trade-off: best-scoring option \(mentorID) (\(fit(score)))\(held) \(cost)"
  }

  /// The reason a mentee is unmatched, in plain words.
  ///
  /// - Complexity: O(number of rules).
  public static func explanation(of reason: UnmatchedMentee.Reason, minimum: Double?) -> String {
    switch reason {
    case .noEligibleMentor(let exclusions, let noCapacity):
      var parts = exclusions.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.explanation)" }
      if noCapacity > 0 { parts.append("\(noCapacity) with no places this cohort") }
      return "no eligible mentor under the rules" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
    case .belowMinimumFit(let best, let minimum):
      return "every eligible mentor scores below the minimum fit \(fit(minimum)) (best \(fit(best)))"
    case .noGrowthGoal:
      return "no growth goal: no goal above the current level, so places went to mentees with goals first"
    case .capacityExhausted(let eligible, let mentor, let score):
      let mentors = eligible == 1 ? "the 1 eligible mentor is" : "all \(eligible) eligible mentors are"
      return
        "capacity exhausted: \(mentors) at capacity with mentees who add more to the cohort (best option \(mentor), score \(fit(score)))"
    }
  }

  /// A level as reports show it, with the nearest tier: `4 (proficient)`, `2.9 (competent)`.
  public static func level(_ value: Double) -> String {
    "\(CompetencyScale.format(value)) (\(CompetencyScale.name(of: value)))"
  }

  /// A fit score (a pair's score, a part of it, a total or a cost in fit)
  /// as every format shows it, in reasons and tables alike: three decimals,
  /// always written (`1.200`, `0.250`, `-0.125`; `0.000` for values that
  /// round to zero).
  ///
  /// - Complexity: O(1).
  public static func fit(_ value: Double) -> String {
    // Beyond Int's reach (absurd weights), the number as Swift writes it.
    guard abs(value) < 1e15 else { return "\(value)" }
    let scaled = (value * 1000).rounded()
    let sign = scaled < 0 ? "-" : ""
    let magnitude = Int(abs(scaled))
    let fraction = String(magnitude % 1000)
    return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }

  /// A fit change or contribution with its sign: `+0.125`, `-1.000`.
  ///
  /// - Complexity: O(1).
  public static func signedFit(_ value: Double) -> String {
    let text = fit(value)
    return text.hasPrefix("-") ? text : "+" + text
  }

  /// A number with up to three decimals and no trailing zeros, for
  /// plain-words text that is not a fit score (levels, hours, grades).
  public static func number(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    if rounded == 0 { return "0" }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }

  static func grades(_ gap: Double) -> String {
    let text = number(gap)
    return gap == 1 ? "1 grade" : "\(text) grades"
  }
}
