import Rationale

extension PlanNumbers {
  /// The capacity advice in plain words, one line per mentor, best first,
  /// after a heading line; `nil` when it was not computed or there is nothing
  /// to say (nobody unmatched and no fit to gain). Names are as in the cohort:
  /// each format escapes them.
  ///
  /// - Complexity: O(entries).
  static func capacityAdvice(_ plan: PairingPlan) -> [String]? {
    guard let advice = plan.summary.capacityAdvice else { return nil }
    let others = menteeAdvice(plan.summary.capacityAdviceByMentee, in: plan)
    if advice.isEmpty {
      guard plan.summary.unmatched > 0 else { return nil }
      return ["Capacity advice: no single extra mentor place would match anyone more or raise the total fit"] + others
    }
    let heading =
      "Capacity advice (each line alone: the exact gain of one more place at that mentor, best first):"
    return [heading] + advice.map(capacityAdviceLine) + simplestWays(plan, advice) + others
  }

  /// One line per unmatched mentee the list does not name, in cohort order:
  /// the best single extra place that would match them, worded as the
  /// list's lines (`"to match E12 Bo: one more place at M7 Ana: 1 more
  /// mentee matched (E12), total fit +0.412; E12 (unmatched) → M7, no other
  /// pair changes"`), or the plan's reason when no place would (`"to match
  /// E13 Cy: no single extra place would; the plan's reason: no growth goal:
  /// …"`); then how many more there are (`"and 3 more unmatched mentees:
  /// mentor-match explain --mentee ID gives each one's"`). With the `plan`,
  /// a line whose place moves other pairs ends with the simplest way to
  /// match that mentee, as after the list (one more place at their
  /// best-scoring eligible mentor, no other pair changes, that pair's fit
  /// gained): `"…; simplest for them: one more place at M2 Ana, their
  /// best-scoring eligible mentor, and no other pair changes: total fit
  /// +0.750"`.
  ///
  /// - Complexity: O(entries · (moves + unmatched + mentors)).
  static func menteeAdvice(_ byMentee: CapacityAdvice.ByMentee?, in plan: PairingPlan? = nil) -> [String] {
    guard let byMentee else { return [] }
    var lines = byMentee.mentees.map { e in
      let lead = "to match \(e.mentee) \(e.menteeName): "
      guard let advice = e.advice else {
        return lead + "no single extra place would; the plan's reason: \(e.reason ?? "not given")"
      }
      var line = lead + capacityAdviceLine(advice)
      if pairsChanged(advice) > 0, let plan, let simplest = simplestPlace(for: e.mentee, in: plan) {
        line += "; simplest for them: \(simplest.words)"
      }
      return line
    }
    if byMentee.more > 0 {
      lines.append(
        "and \(byMentee.more) more unmatched mentee\(byMentee.more == 1 ? "" : "s"):"
          + " mentor-match explain --mentee ID gives each one's")
    }
    return lines
  }

  /// For each mentee the advice would match whose first line moves other
  /// pairs, the simplest way to match them instead: one more place at their
  /// best-scoring eligible mentor, which changes no other pair and adds that
  /// pair's fit, `score(i, j*)`, to the total (the plan stays within every
  /// other capacity, and the rules allow the pair). A programme manager can
  /// then weigh the first line's extra fit against the pairs it moves:
  /// `"simplest for E9 Bo: one more place at M2 Ana, their best-scoring
  /// eligible mentor, and no other pair changes: total fit +0.756 (the first
  /// line for them gains 0.098 more and changes 19 pairs)"`. Only mentees
  /// unmatched because capacity ran out have such a mentor.
  ///
  /// - Complexity: O(entries · (moves + unmatched + mentors)).
  static func simplestWays(_ plan: PairingPlan, _ advice: [CapacityAdvice]) -> [String] {
    var seen = Set<String>()
    var lines: [String] = []
    for a in advice {
      guard let newly = a.newlyMatched, seen.insert(newly).inserted else { continue }
      let changed = pairsChanged(a)
      guard changed > 0, let simplest = simplestPlace(for: newly, in: plan) else { continue }
      let pairs = "\(changed) pair\(changed == 1 ? "" : "s")"
      let more = a.fitGain - simplest.fit
      let comparison =
        more >= 0.0005
        ? "the first line for them gains \(score(more)) more and changes \(pairs)"
        : "as much as the first line for them, which changes \(pairs)"
      lines.append("simplest for \(newly) \(simplest.menteeName): \(simplest.words) (\(comparison))")
    }
    return lines
  }

  /// The simplest way to match unmatched mentee `id`, shared by the lines
  /// after the list and the per-mentee lines: one more place at their
  /// best-scoring eligible mentor, which changes no other pair and adds that
  /// pair's fit, in words (`"one more place at M2 Ana, their best-scoring
  /// eligible mentor, and no other pair changes: total fit +0.756"`), with
  /// the fit and the mentee's name; `nil` unless capacity ran out for them
  /// (only then have they such a mentor).
  ///
  /// - Complexity: O(unmatched + mentors).
  static func simplestPlace(for id: String, in plan: PairingPlan) -> (words: String, fit: Double, menteeName: String)? {
    guard let u = plan.unmatched.first(where: { $0.menteeID == id }),
      case .capacityExhausted(_, let mentorID, let best) = u.reason
    else { return nil }
    let name = plan.model.cohort.mentors.first { $0.id == mentorID }?.person.name
    let mentor = name.map { "\(mentorID) \($0)" } ?? mentorID
    let words =
      "one more place at \(mentor), their best-scoring eligible mentor, and no other pair changes: total fit \(signed(best))"
    return (words, best, u.menteeName)
  }

  /// The most moves an advice line names; a longer chain is named by its
  /// first moves and its last (the JSON plan lists every move).
  static let movesShown = 3

  /// One mentor's advice in plain words: the gain, then the moves that use
  /// the place, so that a programme manager knows whom to ask: `"one more
  /// place at M7 Ana: 1 more mentee matched (E9), total fit +0.412; 1 pair
  /// changes: E3 M4 → M7, E9 (unmatched) → M4"`; a chain that matches
  /// nobody more ends "…, leaving a place free at M4".
  static func capacityAdviceLine(_ a: CapacityAdvice) -> String {
    var line = "one more place at \(a.mentor.id) \(a.mentor.name): "
    if a.matchedGain > 0 {
      line += "\(a.matchedGain) more mentee\(a.matchedGain == 1 ? "" : "s") matched"
      if let newly = a.newlyMatched { line += " (\(newly))" }
      line += ", total fit \(signed(a.fitGain))"
    } else {
      line += "total fit \(signed(a.fitGain))"
    }
    if !a.moves.isEmpty { line += "; " + moves(a) }
    return line
  }

  /// How many of the plan's pairs an advice's chain changes: its moves of
  /// mentees who had a mentor (the last move of a chain that matches one
  /// more mentee is not a change of a pair).
  static func pairsChanged(_ a: CapacityAdvice) -> Int { a.moves.filter { $0.from != nil }.count }

  /// The chain of moves in plain words, each `mentee from → to`: `"1 pair
  /// changes: E3 M4 → M7, E9 (unmatched) → M4"`, `"E9 (unmatched) → M7, no
  /// other pair changes"`; past ``movesShown`` moves, the first two, `…` and
  /// the last, with where to find them all, unless `all` (`explain`, whose
  /// advice the JSON plan may not hold, names every move).
  static func moves(_ a: CapacityAdvice, all: Bool = false) -> String {
    let words = a.moves.map { m in "\(m.mentee) \(m.from ?? "(unmatched)") → \(m.to)" }
    let changed = pairsChanged(a)
    var text: String
    if changed == 0 {
      text = words.joined(separator: ", ") + ", no other pair changes"
    } else {
      text = "\(changed) pair\(changed == 1 ? " changes" : "s change")"
      if all || words.count <= movesShown {
        text += ": " + words.joined(separator: ", ")
      } else {
        text += " (all in the JSON plan's capacityAdvice): \(words[0]), \(words[1]), …, \(words[words.count - 1])"
      }
    }
    if let free = a.placeLeftFree { text += ", leaving a place free at \(free)" }
    return text
  }

  /// The advice for one unmatched mentee, in plain words, or `nil`.
  static func capacityAdvice(forUnmatched advice: CapacityAdvice?) -> String {
    guard let advice else {
      return "no single extra mentor place would match this mentee"
    }
    return "one more place at \(advice.mentor.id) \(advice.mentor.name) would match this mentee"
      + " (the best such chain of moves changes the total fit by \(signed(advice.fitGain)); \(moves(advice, all: true)))"
  }
}
