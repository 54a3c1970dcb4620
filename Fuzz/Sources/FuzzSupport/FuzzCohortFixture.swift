import CompetencyModel
import Foundation
import Interchange

/// The small fixed cohort of `Fuzz/fixtures/` (three mentors `m0` to `m2`
/// with capacities 2, 1 and 0; four mentees `e0` to `e3`, `e1` reporting to
/// `m0`; two competencies) for the readers that check their input against a
/// cohort: choices, edited plans, re-match inputs. The plain test suite reads
/// the same files to replay the seed corpora.
public enum FuzzCohortFixture {
  /// The cohort the two fixture files describe, read once.
  public static let cohort: Cohort = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")
    do {
      let mentors = try String(contentsOf: folder.appendingPathComponent("mentors.csv"), encoding: .utf8)
      let mentees = try String(contentsOf: folder.appendingPathComponent("mentees.csv"), encoding: .utf8)
      return try CohortReader.parse(mentors: mentors, mentees: mentees).cohort
    } catch {
      preconditionFailure("the fuzz fixture cohort in \(folder.path) does not read: \(error)")
    }
  }()
}
