import Circles
import CompetencyModel
import Testing
import _TestSupport

/// The shared-hours share (computed in a stack buffer) against a direct
/// formula: the shortest arc holding every known offset is, over each known
/// offset `o` as the arc's start, the smallest largest clockwise distance
/// from `o` to the others.
@Suite struct CircleSharedHoursTests {
  @Test func sharedHoursMatchTheShortestArcByEveryStart() {
    var random = SplitMix(seed: 12)
    let workday = 8.0
    for _ in 0..<300 {
      let n = Int.random(in: 1...8, using: &random)
      let offsets: [Int?] = (0..<n).map { _ in
        Int.random(in: 0..<5, using: &random) == 0 ? nil : Int.random(in: -720...840, using: &random)
      }
      let people = offsets.enumerated().map { i, offset in
        CohortFixtures.mentee("P\(i)", levels: [1], goals: [nil], offset: offset)
      }
      let problem = CircleProblem(
        participants: people, competencies: ["A"], settings: CircleSettings(minimumSize: 2, workdayHours: workday))
      var members = Array(0..<n)
      members.shuffle(using: &random)
      let known = offsets.compactMap { $0 }.map { (($0 % 1440) + 1440) % 1440 }
      let expected: Double
      if known.count < 2 {
        expected = 1
      } else {
        let arc = known.map { start in known.map { (($0 - start) % 1440 + 1440) % 1440 }.max()! }.min()!
        expected = max(0, workday - Double(arc) / 60) / workday
      }
      #expect(abs(problem.sharedHoursShare(members) - expected) < 1e-12, "offsets \(offsets)")
    }
  }
}
