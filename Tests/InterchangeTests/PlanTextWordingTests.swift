import CompetencyModel
import Rationale
import Testing
import _TestSupport

@testable import Interchange

/// What the text plan and every format's capacity advice say: the fit scale
/// in the text summary, and the moves that use an advised place.
@Suite struct PlanTextWordingTests {
  /// One mentee, one mentor who covers half of each goal: a plan with one
  /// pair, for the tests of the fit scale's note in every format.
  static func onePairPlan() throws -> PairingPlan {
    let cohort = Cohort(
      competencies: ["Coaching", "Finance"], mentors: [CohortFixtures.mentor("m1", levels: [2, 2])],
      mentees: [CohortFixtures.mentee("e1", levels: [1, 1], goals: [3, 3])])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    try #require(!plan.pairs.isEmpty)
    return plan
  }

  @Test func theTextPlanExplainsFitInTheOtherPlansWords() throws {
    let plan = try Self.onePairPlan()
    let text = PlanTableRenderer.render(plan)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // After the certificate line, before the pairs: the note, wrapped at 100 columns, word for word.
    let certificate = try #require(lines.firstIndex(of: PlanNumbers.certificate(plan)))
    let blank = try #require(lines[certificate...].firstIndex(of: ""))
    let note = lines[(certificate + 1)..<blank]
    #expect(note.count > 1)
    #expect(note.allSatisfy { $0.count <= 100 })
    #expect(note.joined(separator: " ") == PlanFitScale.explanation(plan))
    #expect(lines[blank + 1].hasPrefix("MENTEE"))
    // No pairs, no fit to read.
    let nobody = Cohort(
      competencies: plan.model.cohort.competencies,
      mentors: [CohortFixtures.mentor("m1", levels: [2, 2], capacity: 0)], mentees: plan.model.cohort.mentees)
    let empty = CohortMatcher.match(nobody, configuration: MatchingConfiguration())
    try #require(empty.pairs.isEmpty)
    #expect(!PlanTableRenderer.render(empty).contains("How to read fit"))
  }

  @Test func wrappingKeepsEveryWordAndLongWordsWhole() {
    let long = String(repeating: "x", count: 12)
    let wrapped = PlanTableRenderer.wrapped("a bb \(long) c dd", width: 5)
    #expect(wrapped == "a bb\n\(long)\nc dd\n")
    #expect(PlanTableRenderer.wrapped("", width: 5) == "")
  }

  static func advice(moves: [CapacityAdvice.Move], matched: Int, free: String? = nil) -> CapacityAdvice {
    var a = CapacityAdvice(
      mentor: .init(id: "M7", name: "Ana"), extraPlaces: 1, matchedGain: matched, fitGain: 0.4121,
      newlyMatched: matched == 1 ? moves.last?.mentee : nil)
    a.moves = moves
    a.placeLeftFree = free
    return a
  }

  @Test func anAdviceLineNamesTheMoves() {
    let direct = Self.advice(moves: [.init(mentee: "E9", from: nil, to: "M7")], matched: 1)
    #expect(
      PlanNumbers.capacityAdviceLine(direct)
        == "one more place at M7 Ana: 1 more mentee matched (E9), total fit +0.412; E9 (unmatched) → M7, no other pair"
        + " changes")
    let chain = Self.advice(
      moves: [.init(mentee: "E3", from: "M4", to: "M7"), .init(mentee: "E9", from: nil, to: "M4")], matched: 1)
    #expect(PlanNumbers.capacityAdviceLine(chain).hasSuffix("; 1 pair changes: E3 M4 → M7, E9 (unmatched) → M4"))
    let free = Self.advice(moves: [.init(mentee: "E3", from: "M4", to: "M7")], matched: 0, free: "M4")
    #expect(
      PlanNumbers.capacityAdviceLine(free)
        == "one more place at M7 Ana: total fit +0.412; 1 pair changes: E3 M4 → M7, leaving a place free at M4")
    // A long chain: how many pairs change, the first two moves and the last, and where the rest are.
    let moves = (0..<6).map { CapacityAdvice.Move(mentee: "E\($0)", from: $0 == 5 ? nil : "M\($0 + 1)", to: "M\($0)") }
    let long = PlanNumbers.capacityAdviceLine(Self.advice(moves: moves, matched: 1))
    #expect(
      long.hasSuffix(
        "; 5 pairs change (all in the JSON plan's capacityAdvice): E0 M1 → M0, E1 M2 → M1, …, E5 (unmatched) → M5"))
    // explain's advice for one unmatched mentee, which the JSON plan may not list, names every move.
    let explained = PlanNumbers.capacityAdvice(forUnmatched: Self.advice(moves: moves, matched: 1))
    #expect(
      explained.hasSuffix(
        "; 5 pairs change: "
          + moves.map { "\($0.mentee) \($0.from ?? "(unmatched)") → \($0.to)" }.joined(separator: ", ") + ")"))
  }

  /// A generated cohort's optimal plan with its capacity advice: four
  /// competencies, mentor `j` with capacity `1 + j % capacities`, every
  /// mentee in the optimisation (no goal-first priority).
  static func advisedPlan(mentees: Int, mentors: Int, capacities: Int, seed: UInt64) -> PairingPlan {
    var cohort = CohortFixtures.generated(mentees: mentees, mentors: mentors, competencies: 4, seed: seed)
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = 1 + j % capacities }
    var configuration = MatchingConfiguration()
    configuration.rules.goalMenteesFirst = false
    var plan = CohortMatcher.match(cohort, configuration: configuration)
    plan.summary.capacityAdvice = CapacityAdvice.compute(for: plan)
    plan.summary.capacityAdviceByMentee = plan.summary.capacityAdvice.flatMap {
      CapacityAdvice.byMentee(for: plan, advice: $0)
    }
    return plan
  }

  @Test func anUnmatchedMenteesLineSaysTheirPlaceOrThePlansReason() {
    let direct = Self.advice(moves: [.init(mentee: "E12", from: nil, to: "M7")], matched: 1)
    let byMentee = CapacityAdvice.ByMentee(
      mentees: [
        .init(mentee: "E12", menteeName: "Bo", advice: direct, reason: nil),
        .init(mentee: "E13", menteeName: "Cy", advice: nil, reason: "no eligible mentor under the rules"),
      ], more: 3)
    #expect(
      PlanNumbers.menteeAdvice(byMentee) == [
        "to match E12 Bo: one more place at M7 Ana: 1 more mentee matched (E12), total fit +0.412;"
          + " E12 (unmatched) → M7, no other pair changes",
        "to match E13 Cy: no single extra place would; the plan's reason: no eligible mentor under the rules",
        "and 3 more unmatched mentees: mentor-match explain --mentee ID gives each one's",
      ])
    var one = byMentee
    one.more = 1
    #expect(
      PlanNumbers.menteeAdvice(one).last
        == "and 1 more unmatched mentee: mentor-match explain --mentee ID gives each one's")
    one.more = 0
    #expect(PlanNumbers.menteeAdvice(one).count == 2)
    #expect(PlanNumbers.menteeAdvice(nil).isEmpty)
  }

  /// On generated cohorts, the lines for the unmatched mentees the list does
  /// not name come last, one per mentee (at most ``CapacityAdvice/listed``,
  /// then how many more), each either that mentee's place, matching them,
  /// with the simplest way when it moves other pairs, or their reason as the
  /// plan's unmatched table gives it; the table,
  /// Markdown and HTML plans show every line, each escaped its own way.
  @Test func everyFormatListsTheOtherUnmatchedMentees() throws {
    var shown = 0
    var simplest = 0
    for seed in UInt64(1)...4 {
      let plan = Self.advisedPlan(mentees: 40, mentors: 8, capacities: 3, seed: seed)
      let advice = try #require(plan.summary.capacityAdvice)
      let named = Set(advice.compactMap(\.newlyMatched))
      let others = plan.unmatched.filter { !named.contains($0.menteeID) }
      guard let byMentee = plan.summary.capacityAdviceByMentee else {
        #expect(others.isEmpty)
        continue
      }
      #expect(byMentee.mentees.map(\.mentee) == others.prefix(CapacityAdvice.listed).map(\.menteeID))
      #expect(byMentee.more == max(0, others.count - CapacityAdvice.listed))
      let lines = try #require(PlanNumbers.capacityAdvice(plan))
      let mine = PlanNumbers.menteeAdvice(byMentee, in: plan)
      #expect(Array(lines.suffix(mine.count)) == mine)
      let cohort = plan.model.cohort
      for (entry, u) in zip(byMentee.mentees, others) {
        let line = mine.first { $0.hasPrefix("to match \(u.menteeID) \(u.menteeName): ") }
        if let a = entry.advice {
          #expect(a.newlyMatched == u.menteeID)
          var expected = "to match \(u.menteeID) \(u.menteeName): " + PlanNumbers.capacityAdviceLine(a)
          if a.moves.contains(where: { $0.from != nil }) {
            // The simplest way, from the scores and rules independently of the renderer.
            let m = cohort.mentors.count
            var row = [Double](repeating: 0, count: m)
            row.withUnsafeMutableBufferPointer { buffer in
              plan.model.fillScores(mentees: u.menteeIndex..<(u.menteeIndex + 1), into: buffer)
              plan.rules.mask(rows: u.menteeIndex..<(u.menteeIndex + 1), scores: buffer)
            }
            let allowed = (0..<m).filter { !row[$0].isNaN && cohort.mentors[$0].capacity > 0 }
            let best = try #require(allowed.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) })
            let mentor = cohort.mentors[best]
            expected +=
              "; simplest for them: one more place at \(mentor.id) \(mentor.person.name), their best-scoring eligible"
              + " mentor, and no other pair changes: total fit \(PlanNumbers.signed(row[best]))"
            simplest += 1
          }
          #expect(line == expected)
        } else {
          #expect(line?.hasSuffix("the plan's reason: \(u.explanation)") == true, "\(line ?? "none")")
        }
      }
      let table = PlanTableRenderer.render(plan)
      let markdown = PlanMarkdownRenderer.render(plan)
      let html = PlanHTMLRenderer.render(plan)
      for line in mine {
        #expect(table.contains("  · " + DisplayText.visible(line) + "\n"))
        #expect(markdown.contains("  - " + PlanMarkdownRenderer.cell(line) + "\n"))
        #expect(html.contains("<li>" + PlanHTMLRenderer.escape(line) + "</li>"))
        shown += 1
      }
    }
    #expect(shown > 0)
    #expect(simplest > 0, "the fixtures should have a mentee matched through a chain")
  }

  /// On a generated cohort: every advised line says how many pairs change,
  /// and the first move goes to the advised mentor.
  @Test func aPlansAdviceLinesFollowTheSolversChains() throws {
    let plan = Self.advisedPlan(mentees: 28, mentors: 9, capacities: 2, seed: 3)
    let advice = try #require(plan.summary.capacityAdvice)
    try #require(!advice.isEmpty)
    for a in advice {
      let line = PlanNumbers.capacityAdviceLine(a)
      let changed = a.moves.filter { $0.from != nil }.count
      #expect(line.contains(changed == 0 ? ", no other pair changes" : "; \(changed) pair"))
      #expect(a.moves.first?.to == a.mentor.id)
      if let newly = a.newlyMatched { #expect(line.contains("\(newly) (unmatched) → ")) }
    }
    let text = PlanTableRenderer.render(plan)
    for a in advice { #expect(text.contains(DisplayText.visible(PlanNumbers.capacityAdviceLine(a)))) }
  }

  /// The simplest way to match a mentee the advice would match through a
  /// chain: their best-scoring eligible mentor, found here from the scores
  /// and the rules independently of the renderer, with that pair's fit as the
  /// gain; one line per such mentee, after the advice lines.
  @Test func aChainIsWeighedAgainstTheSimplestPlace() throws {
    var checked = 0
    for seed in UInt64(1)...12 { checked += try simplestPlaces(seed: seed) }
    #expect(checked > 0, "the fixtures should have a mentee matched through a chain")
  }

  /// Checks one generated cohort's simplest-place lines; returns how many.
  func simplestPlaces(seed: UInt64) throws -> Int {
    let plan = Self.advisedPlan(mentees: 40, mentors: 8, capacities: 3, seed: seed)
    let cohort = plan.model.cohort
    let advice = try #require(plan.summary.capacityAdvice)
    guard let lines = PlanNumbers.capacityAdvice(plan) else { return 0 }
    let simplest = lines.filter { $0.hasPrefix("simplest for ") }
    let others = PlanNumbers.menteeAdvice(plan.summary.capacityAdviceByMentee)
    #expect(lines.count == 1 + advice.count + simplest.count + others.count || advice.isEmpty)
    #expect(Array(lines.dropLast(others.count).suffix(simplest.count)) == simplest)
    let m = cohort.mentors.count
    var expected = 0
    var seen = Set<String>()
    for a in advice {
      guard let newly = a.newlyMatched, seen.insert(newly).inserted, a.moves.contains(where: { $0.from != nil })
      else { continue }
      let i = try #require(cohort.mentees.firstIndex { $0.id == newly })
      var row = [Double](repeating: 0, count: m)
      row.withUnsafeMutableBufferPointer { buffer in
        plan.model.fillScores(mentees: i..<(i + 1), into: buffer)
        plan.rules.mask(rows: i..<(i + 1), scores: buffer)
      }
      let allowed = (0..<m).filter { !row[$0].isNaN }
      let best = try #require(allowed.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) })
      expected += 1
      let line = try #require(simplest.first { $0.hasPrefix("simplest for \(newly) ") })
      #expect(line.contains("one more place at \(cohort.mentors[best].id) "), "\(line)")
      #expect(line.contains("total fit \(PlanNumbers.signed(row[best])) ("), "\(line)")
      let changed = a.moves.filter { $0.from != nil }.count
      #expect(line.hasSuffix("changes \(changed) pair\(changed == 1 ? "" : "s"))"), "\(line)")
    }
    #expect(simplest.count == expected, "seed \(seed)")
    return expected
  }
}
