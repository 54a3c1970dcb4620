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
    if advice.isEmpty {
      guard plan.summary.unmatched > 0 else { return nil }
      return ["Capacity advice: no single extra mentor place would match anyone more or raise the total fit"]
    }
    return ["Capacity advice (exact gain of one more place, best first):"] + advice.map(capacityAdviceLine)
  }

  /// One mentor's advice in plain words.
  static func capacityAdviceLine(_ a: CapacityAdvice) -> String {
    var line = "one more place at \(a.mentor.id) \(a.mentor.name): "
    if a.matchedGain > 0 {
      line += "\(a.matchedGain) more mentee\(a.matchedGain == 1 ? "" : "s") matched"
      if let newly = a.newlyMatched { line += " (\(newly))" }
      line += ", total fit \(signed(a.fitGain))"
    } else {
      line += "total fit \(signed(a.fitGain))"
    }
    return line
  }

  /// The advice for one unmatched mentee, in plain words, or `nil`.
  static func capacityAdvice(forUnmatched advice: CapacityAdvice?) -> String {
    guard let advice else {
      return "no single extra mentor place would match this mentee"
    }
    return "one more place at \(advice.mentor.id) \(advice.mentor.name) would match this mentee"
      + " (the best such chain of moves changes the total fit by \(signed(advice.fitGain)))"
  }
}
