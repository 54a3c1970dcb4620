import CompetencyModel

extension PairingPlan {
  /// Says in each pair's rationale (and each unmatched mentee's explanation)
  /// what became of the mentee's picks: as preferences (`cascade == nil`),
  /// which pick the plan gives or that it gives none; as hard choices, which
  /// pick was honoured and why earlier ones were not, or that none could be
  /// and the mentee was matched freely.
  ///
  /// - Complexity: O(`pairs + unmatched`).
  public mutating func explainChoices(_ choices: MenteeChoices, cascade: ChoiceCascade?) {
    let cohort = model.cohort
    func count(_ i: Int) -> Int { choices.picks[i].count }
    for index in pairs.indices {
      let i = pairs[index].menteeIndex
      guard count(i) > 0 else { continue }
      let j = pairs[index].mentorIndex
      var lines: [String] = []
      if let cascade {
        switch cascade.outcomes[i] {
        case .honoured(let rank, let mentor, let passedOver)?:
          if mentor == j {
            pairs[index].highlights.removeAll { $0 == "required by the programme's pair rules" }
            lines.append("hard choice: the mentee's pick \(rank) of \(count(i))")
            lines += passedOver.map { "passed over: " + $0 }
          }
        case .free(let passedOver)?:
          lines.append("hard choices: none of the mentee's \(count(i)) picks could be honoured; matched freely")
          lines += passedOver.map { "passed over: " + $0 }
        case .required?:
          lines.append("hard choices not used: the programme's pair rules require this mentee's pair")
        case nil: break
        }
      } else if let rank = choices.rank(mentee: i, mentor: j) {
        lines.append("choice: the mentee's pick \(rank) of \(count(i)) (as a preference, weights.mentee_preference)")
      } else {
        let picked = choices.picks[i].map { cohort.mentors[$0].id }.joined(separator: ", ")
        lines.append("choice: none of the mentee's picks (\(picked)); the optimum gives this mentor instead")
      }
      pairs[index].highlights.insert(contentsOf: lines, at: 0)
    }
    for index in unmatched.indices where count(unmatched[index].menteeIndex) > 0 {
      let i = unmatched[index].menteeIndex
      if case .free(let passedOver)? = cascade?.outcomes[i] {
        unmatched[index].explanation +=
          " None of the mentee's \(count(i)) picks could be honoured: " + passedOver.joined(separator: "; ") + "."
      } else {
        unmatched[index].explanation += " The mentee's \(count(i)) picks could not be given."
      }
    }
  }
}
