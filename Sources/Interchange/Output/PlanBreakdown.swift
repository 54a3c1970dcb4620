import Rationale

/// A plan seen per mentor and per department, as the HTML report and the
/// XLSX workbook show it.
///
/// Invariants: one ``MentorRow`` per mentor of the cohort, in cohort order,
/// whose `load` is at most its `capacity` and whose `mentees` are its pairs'
/// mentees in plan order; one ``DepartmentRow`` per department named by a
/// mentee or a mentor (people without one under ``noDepartment``), sorted
/// by name with ``noDepartment`` last, whose `matched + unmatched` is its
/// mentee count.
struct PlanBreakdown: Sendable {
  /// One mentor's share of the plan.
  struct MentorRow: Sendable, Equatable {
    var index: Int
    var id: String
    var name: String
    var department: String?
    var capacity: Int
    /// The mentees given to this mentor.
    var load: Int
    /// The mean fit of this mentor's pairs, `nil` with none.
    var meanFit: Double?
    /// The mentees' (id, name), in plan order.
    var mentees: [(id: String, name: String)]

    static func == (a: MentorRow, b: MentorRow) -> Bool {
      a.index == b.index && a.load == b.load && a.meanFit == b.meanFit
        && a.mentees.map(\.id) == b.mentees.map(\.id)
    }
  }

  /// One department's figures: its mentees, and its mentors' places.
  struct DepartmentRow: Sendable, Equatable {
    var name: String
    var mentees: Int
    var matched: Int
    var unmatched: Int
    /// The mean fit of its matched mentees' pairs, `nil` with none.
    var meanFit: Double?
    /// Its matched mentees whose mentor is in another known department.
    var crossDepartment: Int
    var mentors: Int
    var placesOffered: Int
    var placesTaken: Int
  }

  /// The label of people with no department.
  static let noDepartment = "(no department)"

  var mentors: [MentorRow]
  var departments: [DepartmentRow]

  /// The breakdown of `plan`.
  ///
  /// - Complexity: O(mentees + mentors + D log D) for D departments.
  init(_ plan: PairingPlan) {
    let cohort = plan.model.cohort
    var rows = cohort.mentors.enumerated().map { j, mentor in
      MentorRow(
        index: j, id: mentor.person.id, name: mentor.person.name, department: mentor.person.department,
        capacity: mentor.capacity, load: 0, meanFit: nil, mentees: [])
    }
    var fitSums = [Double](repeating: 0, count: rows.count)
    func department(_ name: String?) -> String {
      guard let name, !name.isEmpty else { return Self.noDepartment }
      return name
    }
    var byName: [String: DepartmentRow] = [:]
    func touch(_ name: String) {
      if byName[name] == nil {
        byName[name] = DepartmentRow(
          name: name, mentees: 0, matched: 0, unmatched: 0, meanFit: nil, crossDepartment: 0, mentors: 0,
          placesOffered: 0, placesTaken: 0)
      }
    }
    var departmentFit: [String: Double] = [:]
    for mentee in cohort.mentees {
      let name = department(mentee.person.department)
      touch(name)
      byName[name]!.mentees += 1
    }
    for mentor in cohort.mentors {
      let name = department(mentor.person.department)
      touch(name)
      byName[name]!.mentors += 1
      byName[name]!.placesOffered += mentor.capacity
    }
    for p in plan.pairs {
      rows[p.mentorIndex].load += 1
      rows[p.mentorIndex].mentees.append((p.menteeID, p.menteeName))
      fitSums[p.mentorIndex] += p.score
      let menteeDepartment = cohort.mentees[p.menteeIndex].person.department
      let mentorDepartment = cohort.mentors[p.mentorIndex].person.department
      let name = department(menteeDepartment)
      byName[name]!.matched += 1
      departmentFit[name, default: 0] += p.score
      if let a = menteeDepartment, let b = mentorDepartment, !a.isEmpty, !b.isEmpty, a != b {
        byName[name]!.crossDepartment += 1
      }
      byName[department(mentorDepartment)]!.placesTaken += 1
    }
    for j in rows.indices where rows[j].load > 0 { rows[j].meanFit = fitSums[j] / Double(rows[j].load) }
    for (name, sum) in departmentFit { byName[name]!.meanFit = sum / Double(byName[name]!.matched) }
    for name in byName.keys { byName[name]!.unmatched = byName[name]!.mentees - byName[name]!.matched }
    mentors = rows
    departments = byName.values.sorted {
      ($0.name == Self.noDepartment ? 1 : 0, $0.name) < ($1.name == Self.noDepartment ? 1 : 0, $1.name)
    }
  }
}
