import Foundation
import Rationale

/// Renders a plan as an XLSX workbook for HR: sheets Pairs, Unmatched,
/// Summary, Mentors and Departments, each with readable headers, a frozen
/// header row, an autofilter, column widths fitted to the text and number
/// formats (fit to three decimals, shares as percentages). Text stays inline
/// strings, so nothing from the input can run as a formula.
enum PlanXLSXRenderer {
  /// The Pairs sheet's headers: the CSV plan's columns without `status`, in
  /// words, with the two people's departments. `Rank` is the CSV's `rank`
  /// (the mentor's place among the mentee's allowed mentors by fit), not a
  /// pick of the mentee's (`--choices`).
  static let pairHeaders = [
    "Mentee ID", "Mentee", "Mentee e-mail", "Mentee department", "Mentor ID", "Mentor", "Mentor e-mail",
    "Mentor department", "Fit", "Rank", "Allowed mentors", "Covered growth", "Seniority", "Cross-department",
    "Time zone", "Mentee preference", "Mentor preference", "Growth focus", "Milestones", "Why",
  ]

  /// The workbook of `plan`.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - context: The cohort, configuration and date, written at the top of
  ///     the Summary sheet.
  ///   - warning: Called for each text cell cut to the spreadsheet limit.
  /// - Throws: ``OutputError`` when the ZIP container cannot be built.
  /// - Complexity: O(size of the plan + D log D) for D departments.
  static func render(
    _ plan: PairingPlan, context: PlanReportContext? = nil, warning: (String) -> Void = { _ in }
  ) throws(OutputError) -> Data {
    try XLSXWorkbook(sheets: sheets(plan, context: context)).data(warning: warning)
  }

  /// The plan's sheets: Pairs, Unmatched, Summary, Mentors and Departments.
  ///
  /// - Complexity: O(size of the plan + D log D) for D departments.
  static func sheets(_ plan: PairingPlan, context: PlanReportContext? = nil) -> [XLSXWorkbook.Sheet] {
    let cohort = plan.model.cohort
    func text(_ value: String?) -> XLSXWorkbook.Cell { value.map { .text($0) } ?? .empty }
    var pairs: [[XLSXWorkbook.Cell]] = [pairHeaders.map { .text($0) }]
    for p in plan.pairs {
      let b = p.breakdown
      let mentee = cohort.mentees[p.menteeIndex].person
      let mentor = cohort.mentors[p.mentorIndex].person
      let preference = plan.model.preferenceTerms(mentee: p.menteeIndex, mentor: p.mentorIndex)
      pairs.append([
        .text(p.menteeID), .text(p.menteeName), text(mentee.email), text(mentee.department), .text(p.mentorID),
        .text(p.mentorName), text(mentor.email), text(mentor.department), .number(p.score),
        .number(Double(p.rank)), .number(Double(p.eligibleMentors)), .number(b.competency), .number(b.seniority),
        .number(b.crossDepartment), .number(b.timezone), .number(preference.mentee), .number(preference.mentor),
        .text(p.growthPlan.focusSummary), .text(p.growthPlan.milestoneSummary),
        .text(p.highlights.joined(separator: "; ")),
      ])
    }
    let three = XLSXWorkbook.NumberFormat.threeDecimals
    let pairFormats: [XLSXWorkbook.NumberFormat?] =
      [nil, nil, nil, nil, nil, nil, nil, nil, three, .integer, .integer] + Array(repeating: three, count: 6)

    var unmatched: [[XLSXWorkbook.Cell]] = [
      ["Mentee ID", "Mentee", "Mentee e-mail", "Mentee department", "Reason"].map { .text($0) }
    ]
    for u in plan.unmatched {
      let mentee = cohort.mentees[u.menteeIndex].person
      unmatched.append([
        .text(u.menteeID), .text(u.menteeName), text(mentee.email), text(mentee.department), .text(u.explanation),
      ])
    }

    let breakdown = PlanBreakdown(plan)
    var mentors: [[XLSXWorkbook.Cell]] = [
      [
        "Mentor ID", "Mentor", "Mentor e-mail", "Department", "Places", "Mentees", "Free places", "Average fit",
        "Mentees matched",
      ].map { .text($0) }
    ]
    for row in breakdown.mentors {
      mentors.append([
        .text(row.id), .text(row.name), text(cohort.mentors[row.index].person.email), text(row.department),
        .number(Double(row.capacity)), .number(Double(row.load)), .number(Double(row.capacity - row.load)),
        row.meanFit.map { .number($0) } ?? .empty,
        .text(row.mentees.map { "\($0.name) (\($0.id))" }.joined(separator: "; ")),
      ])
    }
    var departments: [[XLSXWorkbook.Cell]] = [
      [
        "Department", "Mentees", "Matched", "Unmatched", "Average fit", "Mentor from another department", "Mentors",
        "Places taken", "Places offered",
      ].map { .text($0) }
    ]
    for row in breakdown.departments {
      departments.append([
        .text(row.name), .number(Double(row.mentees)), .number(Double(row.matched)), .number(Double(row.unmatched)),
        row.meanFit.map { .number($0) } ?? .empty, .number(Double(row.crossDepartment)), .number(Double(row.mentors)),
        .number(Double(row.placesTaken)), .number(Double(row.placesOffered)),
      ])
    }

    func sheet(_ name: String, _ rows: [[XLSXWorkbook.Cell]], formats: [XLSXWorkbook.NumberFormat?])
      -> XLSXWorkbook.Sheet
    {
      var sheet = XLSXWorkbook.Sheet(name: name, rows: rows, frozenRows: 1, autoFilter: true, numberFormats: formats)
      sheet.columnWidths = sheet.fittedWidths()
      return sheet
    }
    return [
      sheet("Pairs", pairs, formats: pairFormats),
      sheet("Unmatched", unmatched, formats: []),
      sheet("Summary", summaryRows(plan, context: context), formats: []),
      sheet("Mentors", mentors, formats: [nil, nil, nil, nil, .integer, .integer, .integer, three]),
      sheet(
        "Departments", departments,
        formats: [nil, .integer, .integer, .integer, three, .integer, .integer, .integer, .integer]),
    ]
  }

  /// The Summary sheet: what the plan is for, then matching, fit and
  /// fairness, places, and goal coverage (overall and per competency).
  static func summaryRows(_ plan: PairingPlan, context: PlanReportContext?) -> [[XLSXWorkbook.Cell]] {
    let s = plan.summary
    let m = plan.metrics
    var rows: [[XLSXWorkbook.Cell]] = [[.text("Measure"), .text("Value"), .text("Moves")]]
    func add(_ name: String, _ value: Double?, _ format: XLSXWorkbook.NumberFormat) {
      rows.append([.text(name), value.map { .formatted($0, format) } ?? .empty])
    }
    if let context {
      rows.append([.text("Cohort"), .text(context.cohort)])
      rows.append([.text("Configuration"), .text(context.configurationText)])
      rows.append([.text("Date"), .text(context.date)])
    }
    add("Mentees", Double(s.mentees), .integer)
    add("Mentors", Double(s.mentors), .integer)
    add("Matched", Double(s.matched), .integer)
    add("Unmatched", Double(s.unmatched), .integer)
    add("Share of mentees matched", s.mentees == 0 ? nil : Double(s.matched) / Double(s.mentees), .percent)
    add("Total fit", s.totalScore, .threeDecimals)
    add("Average fit", s.meanScore, .threeDecimals)
    // Fairness: how the worst-served mentees fare.
    add("Lowest fit", s.minimumScore, .threeDecimals)
    let scores = plan.pairs.map(\.score).sorted()
    let tenth = max(1, scores.count / 10)
    add(
      "Average fit of the lowest-fit tenth of pairs",
      scores.isEmpty ? nil : scores.prefix(tenth).reduce(0, +) / Double(tenth), .threeDecimals)
    add(
      "Share of matched mentees with their best-fitting allowed mentor",
      plan.pairs.isEmpty ? nil : Double(plan.pairs.filter { $0.rank == 1 }.count) / Double(plan.pairs.count),
      .percent)
    if let f = s.fairness {
      rows.append([.text("Objective"), .text("fairness: the lowest fit first, then the total")])
      add("Lowest fit of the total-fit plan", f.totalFitPlanMinimum, .threeDecimals)
      add("Total fit of the total-fit plan", f.totalFitPlanTotal, .threeDecimals)
    }
    add("Places offered", Double(s.placesOffered), .integer)
    add("Places taken", Double(s.placesUsed), .integer)
    add("Mentors at capacity", Double(s.mentorsAtCapacity), .integer)
    add("Mentors without a mentee", Double(s.mentors - s.mentorsUsed), .integer)
    // Capacity advice: the exact gain of one more place at each advised
    // mentor, and beside it every move of the chain that uses it (a sheet
    // has room for the whole chain, unlike the plan's lines).
    for a in s.capacityAdvice ?? [] {
      let matched = a.matchedGain > 0 ? ", \(a.matchedGain) more matched" : ""
      add("One more place at \(a.mentor.id) \(a.mentor.name)\(matched): fit gain", a.fitGain, .threeDecimals)
      if !a.moves.isEmpty { rows[rows.count - 1].append(.text(PlanNumbers.moves(a, all: true))) }
    }
    add("Growth goals", Double(m.goals), .integer)
    add("Growth goals covered", Double(m.goalsCovered), .integer)
    add("Goal coverage", m.goalCoverage, .percent)
    add("Cross-department share", m.crossDepartmentShare, .percent)
    for c in m.coverageByCompetency where c.goals > 0 {
      add("Goal coverage: \(c.competency) (\(c.covered) of \(c.goals))", Double(c.covered) / Double(c.goals), .percent)
    }
    add("Pairs checked for optimality", Double(plan.certificate.pairsChecked), .integer)
    return rows
  }
}
