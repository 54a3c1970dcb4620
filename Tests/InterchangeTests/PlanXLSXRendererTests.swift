import CompetencyModel
import Foundation
import Rationale
import Testing
import ZIPFoundation
import _TestSupport

@testable import Interchange

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PlanXLSXRendererTests {
  /// The parts of a workbook's ZIP container, as text, by path.
  func parts(_ data: Data) throws -> [String: String] {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: String] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      parts[entry.path] = String(decoding: bytes, as: UTF8.self)
    }
    return parts
  }

  static func plan(_ configuration: MatchingConfiguration = MatchingConfiguration()) -> PairingPlan {
    var cohort = CohortFixtures.generated(mentees: 40, mentors: 12, competencies: 5, seed: 4)
    cohort.mentees[0].person.name = "=HYPERLINK(\"http://x\",\"y\")"
    for j in cohort.mentors.indices { cohort.mentors[j].capacity = min(cohort.mentors[j].capacity, 3) }
    return CohortMatcher.match(cohort, configuration: configuration)
  }

  @Test func everySheetHasAFrozenFilteredHeaderAndWidths() throws {
    let plan = Self.plan()
    let files = try parts(try PlanFormat.xlsx.data(plan))
    let book = try #require(files["xl/workbook.xml"])
    let names = ["Pairs", "Unmatched", "Summary", "Mentors", "Departments"]
    for (k, name) in names.enumerated() {
      #expect(book.contains("<sheet name=\"\(name)\" sheetId=\"\(k + 1)\""))
      #expect(
        book.contains("localSheetId=\"\(k)\" hidden=\"1\">&apos;\(name)&apos;!$A$1:")
          || book.contains(
            "localSheetId=\"\(k)\" hidden=\"1\">'\(name)'!$A$1:")
      )
      let sheet = try #require(files["xl/worksheets/sheet\(k + 1).xml"])
      #expect(XMLParser(data: Data(sheet.utf8)).parse())
      #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
      #expect(sheet.contains("<autoFilter ref=\"A1:"))
      #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\""))
      #expect(!sheet.contains("<f>"))
    }
    let pairs = try #require(files["xl/worksheets/sheet1.xml"])
    let rows = plan.pairs.count + 1
    #expect(pairs.contains("<autoFilter ref=\"A1:T\(rows)\"/>"))
    // Fit (column I) to three decimals, the choice (J) a whole number.
    #expect(pairs.contains("<c r=\"I2\" s=\"4\"><v>\(plan.pairs[0].score)</v></c>"))
    #expect(pairs.contains("<c r=\"J2\" s=\"2\"><v>"))
    #expect(pairs.contains(">Mentee department<") && pairs.contains(">Fit<"))
    // A name that looks like a formula stays text (in Pairs or in Unmatched).
    #expect(
      (pairs + files["xl/worksheets/sheet2.xml"]!).contains(
        "t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;"))
    let mentors = try #require(files["xl/worksheets/sheet4.xml"])
    #expect(mentors.contains("<autoFilter ref=\"A1:I\(plan.model.cohort.mentors.count + 1)\"/>"))
    let styles = try #require(files["xl/styles.xml"])
    #expect(styles.contains("formatCode=\"0.000\"") && XMLParser(data: Data(styles.utf8)).parse())
  }

  @Test func summaryHoldsContextFairnessAndCoverage() throws {
    let plan = Self.plan()
    let context = PlanReportContext(cohort: "spring", configuration: "c.yaml", date: "2027-01-04")
    let rows = PlanXLSXRenderer.summaryRows(plan, context: context)
    var values: [String: XLSXWorkbook.Cell] = [:]
    for row in rows.dropFirst() { if case .text(let name) = row[0] { values[name] = row[1] } }
    #expect(values["Cohort"] == .text("spring") && values["Date"] == .text("2027-01-04"))
    #expect(values["Configuration"] == .text("c.yaml"))
    let scores = plan.pairs.map(\.score).sorted()
    #expect(values["Lowest fit"] == .formatted(scores[0], .threeDecimals))
    let tenth = max(1, scores.count / 10)
    let lowTenth = scores.prefix(tenth).reduce(0, +) / Double(tenth)
    #expect(values["Average fit of the lowest-fit tenth of pairs"] == .formatted(lowTenth, .threeDecimals))
    let best = Double(plan.pairs.filter { $0.rank == 1 }.count) / Double(plan.pairs.count)
    #expect(values["Share of matched mentees with their best-fitting allowed mentor"] == .formatted(best, .percent))
    #expect(values["Matched"] == .formatted(Double(plan.pairs.count), .integer))
    #expect(values["Goal coverage"] == plan.metrics.goalCoverage.map { .formatted($0, .percent) })
    for c in plan.metrics.coverageByCompetency where c.goals > 0 {
      #expect(
        values["Goal coverage: \(c.competency) (\(c.covered) of \(c.goals))"]
          == .formatted(Double(c.covered) / Double(c.goals), .percent))
    }
    #expect(values["Lowest fit of the total-fit plan"] == nil)
    var fairness = MatchingConfiguration()
    fairness.objective = .fairness
    let fair = Self.plan(fairness)
    let fairRows = PlanXLSXRenderer.summaryRows(fair, context: nil)
    let f = try #require(fair.summary.fairness)
    #expect(
      fairRows.contains([
        .text("Lowest fit of the total-fit plan"),
        f.totalFitPlanMinimum.map {
          .formatted($0, .threeDecimals)
        } ?? .empty,
      ]))
    #expect(
      fairRows.contains([.text("Total fit of the total-fit plan"), .formatted(f.totalFitPlanTotal, .threeDecimals)]))
    #expect(!fairRows.contains { $0.first == .text("Cohort") })
  }

  /// Each capacity advice row holds, beside its gain, every move of its
  /// chain (the plan's lines name at most three).
  @Test func capacityAdviceRowsListEveryMove() throws {
    var plan = Self.plan()
    plan.summary.capacityAdvice = CapacityAdvice.compute(for: plan)
    let advice = try #require(plan.summary.capacityAdvice)
    try #require(advice.contains { !$0.moves.isEmpty })
    let rows = PlanXLSXRenderer.summaryRows(plan, context: nil)
    #expect(rows[0] == [.text("Measure"), .text("Value"), .text("Moves")])
    for a in advice {
      let matched = a.matchedGain > 0 ? ", \(a.matchedGain) more matched" : ""
      let label = "One more place at \(a.mentor.id) \(a.mentor.name)\(matched): fit gain"
      let row = try #require(rows.first { $0[0] == .text(label) })
      #expect(row[1] == .formatted(a.fitGain, .threeDecimals))
      if a.moves.isEmpty {
        #expect(row.count == 2)
      } else {
        #expect(row.count == 3)
        guard case .text(let moves) = row[2] else {
          Issue.record("the moves cell is not text")
          continue
        }
        for m in a.moves { #expect(moves.contains("\(m.mentee) \(m.from ?? "(unmatched)") → \(m.to)")) }
        #expect(!moves.contains("…"))
      }
    }
  }

  @Test func workbookOptionsAreWrittenWhereSpreadsheetsLookForThem() throws {
    var sheet = XLSXWorkbook.Sheet(
      name: "O'Brien", rows: [[.text("Name"), .text("Fit")], [.text("a long name here"), .number(0.5)]], frozenRows: 1,
      autoFilter: true, numberFormats: [nil, .twoDecimals])
    sheet.columnWidths = sheet.fittedWidths()
    #expect(sheet.columnWidths == [18, 10])
    let files = try parts(try XLSXWorkbook(sheets: [sheet]).data())
    let xml = try #require(files["xl/worksheets/sheet1.xml"])
    // sheetViews, cols, sheetData, autoFilter: the order the schema requires.
    let order = ["<sheetViews>", "<cols>", "<sheetData>", "<autoFilter ref=\"A1:B2\"/>"].map {
      xml.range(of: $0)?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    #expect(xml.contains("<c r=\"B2\" s=\"3\"><v>0.5</v></c>"))
    #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"18.0\" customWidth=\"1\"/>"))
    let book = try #require(files["xl/workbook.xml"])
    #expect(
      book.contains("hidden=\"1\">&apos;O&apos;&apos;Brien&apos;!$A$1:$B$2</definedName>")
        || book.contains(
          "hidden=\"1\">'O''Brien'!$A$1:$B$2</definedName>")
    )
    // Without options: none of these elements.
    let plain = try parts(try XLSXWorkbook(sheets: [.init(name: "S", rows: [[.text("a")]])]).data())
    for element in ["<sheetViews>", "<cols>", "<autoFilter", "<definedNames>"] {
      #expect(!(plain["xl/worksheets/sheet1.xml"]! + plain["xl/workbook.xml"]!).contains(element))
    }
  }
}
