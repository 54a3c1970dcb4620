import CompetencyModel
import Interchange
import Testing

@Suite struct HistoryTests {
  @Test func readsPairsWithAForgivingHeaderAndIgnoresOtherColumns() throws {
    let text = "Cohort, MENTEE ,date,Mentor\n2025,e1,2025-03-01,m1\n2025,e2,,m1\n2024,e1,,m1\n"
    let history = try HistoryReader.parse(text, file: "history.csv")
    #expect(
      history.pairs == [
        PersonPair(menteeID: "e1", mentorID: "m1"), PersonPair(menteeID: "e2", mentorID: "m1"),
      ])
    #expect(history.contains(menteeID: "e2", mentorID: "m1"))
    #expect(!history.contains(menteeID: "m1", mentorID: "e2"))
  }

  @Test func reportsEmptyIDsWithPositions() {
    let text = "mentee,mentor\ne1,\n,m2\n e3 ,m3\n"
    let found = problems { () throws(InputErrors) in try HistoryReader.parse(text, file: "h.csv") }
    #expect(positions(found) == ["h.csv:2:4", "h.csv:3:1"])
    #expect(found[0].message.hasPrefix("empty mentor id"))
    #expect(found[1].message.hasPrefix("empty mentee id"))
  }

  @Test func reportsMissingColumns() {
    let found = problems { () throws(InputErrors) in
      try HistoryReader.parse("mentee,cohort\ne1,x\n", file: "h.csv")
    }
    #expect(positions(found) == ["h.csv:1:1"])
    #expect(found[0].message.hasPrefix("missing required column 'mentor'"))
  }

  @Test func writesSortedDeterministicCSV() {
    let history = PairHistory(pairs: [
      PersonPair(menteeID: "e2", mentorID: "m1"), PersonPair(menteeID: "e1", mentorID: "m2"),
      PersonPair(menteeID: "e1", mentorID: "m1"), PersonPair(menteeID: "-e0", mentorID: "a,b"),
    ])
    #expect(HistoryWriter.csv(history) == "mentee,mentor\n'-e0,\"a,b\"\ne1,m1\ne1,m2\ne2,m1\n")
  }

  @Test func roundTrips() throws {
    let history = PairHistory(pairs: [
      PersonPair(menteeID: "=e1", mentorID: "m \"1\""), PersonPair(menteeID: "e2", mentorID: "@m2"),
      PersonPair(menteeID: "e\n3", mentorID: "m3"),
    ])
    #expect(try HistoryReader.parse(HistoryWriter.csv(history), file: "h.csv") == history)
    try withTemporaryDirectory { folder throws in
      let path = folder + "/history.csv"
      try HistoryWriter.write(history, to: path)
      #expect(try HistoryReader.read(path: path) == history)
    }
  }
}
