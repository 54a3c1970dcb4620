import CompetencyModel
import Interchange
import Testing

@Suite struct OutcomesReaderTests {
  @Test func readsOutcomesWithTheirPlaces() throws {
    let rows = try OutcomesReader.parse("Outcome,Mentee,Mentor\n4.5,e1,m1\n-2,e2,m2\n", file: "o.csv")
    #expect(rows.map(\.value) == [4.5, -2])
    #expect(
      rows.map(\.pair) == [PersonPair(menteeID: "e1", mentorID: "m1"), PersonPair(menteeID: "e2", mentorID: "m2")])
    // Line and column of each row's mentee cell.
    #expect(rows.map { "\($0.line):\($0.column)" } == ["2:5", "3:4"])
  }

  @Test func aConflictingDuplicateIsAnErrorAtTheSecondRow() {
    let text = "mentee,mentor,outcome\ne1,m1,4\ne2,m2,3\ne1,m1,5\ne2,m2,3\ne2,m2,2\n"
    let found = problems { () throws(InputErrors) in try OutcomesReader.parse(text, file: "o.csv") }
    #expect(positions(found) == ["o.csv:4:7", "o.csv:6:7"])
    #expect(found.first?.message == "the pair e1–m1 already has outcome 4.0 on line 2; one outcome per pair")
  }

  @Test func anIdenticalDuplicateIsKeptOnce() throws {
    let rows = try OutcomesReader.parse("mentee,mentor,outcome\ne1,m1,4\ne1,m1,4.0\ne2,m1,4\n", file: "o.csv")
    #expect(rows.map(\.line) == [2, 4])
  }

  @Test func outcomesAreBoundedAtTheReader() throws {
    let bounds = try OutcomesReader.parse(
      "mentee,mentor,outcome\ne1,m1,1000000\ne2,m1,-1e6\ne3,m1,0\n", file: "o.csv")
    #expect(bounds.map(\.value) == [1_000_000, -1_000_000, 0])
    let text = "mentee,mentor,outcome\ne1,m1,1000000.5\ne2,m1,-1e300\ne3,m1,1.7e308\ne4,m1,inf\ne5,m1,x\n"
    let found = problems { () throws(InputErrors) in try OutcomesReader.parse(text, file: "o.csv") }
    // Every problem is listed, not only the first.
    #expect(positions(found) == ["o.csv:2:7", "o.csv:3:7", "o.csv:4:7", "o.csv:5:7", "o.csv:6:7"])
    #expect(found[0].message == "outcome '1000000.5' is outside the accepted range -1000000 to 1000000")
    #expect(found[3].message == "outcome 'inf' is not a finite number")
    for value in [1_000_000.5, -1e300, 1.7e308] { #expect(!OutcomesReader.valueRange.contains(value)) }
  }
}
