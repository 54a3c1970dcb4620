import Foundation
import Interchange
import Testing

@Suite struct ScoreTableTests {
  @Test func readsScoresAndForbiddenPairs() throws {
    let text = "Mentee,m1,m2,m3\ne1,0.75,,1e-3\ne2 , -2.5 ,  ,\"0\"\n"
    let table = try ScoreTableReader.parse(text, file: "SCORES.csv")
    #expect(table.menteeIDs == ["e1", "e2"])
    #expect(table.mentorIDs == ["m1", "m2", "m3"])
    #expect(table.score(row: 0, column: 0) == 0.75)
    #expect(table.score(row: 0, column: 1) == nil)
    #expect(table.score(row: 0, column: 2) == 0.001)
    #expect(table.scores[3] == -2.5 && table.scores[4].isNaN && table.scores[5] == 0)
    let problem = table.problem(capacities: [1, 0, 2])
    #expect(problem.rows == 2 && problem.columns == 3 && !problem.isAllowed(row: 1, column: 1))
  }

  @Test func reportsBadCellsWithPositions() {
    let text = "mentee,m1,m2,m3\ne1,nan,inf,abc\ne2,1,2,1e999\n"
    let found = problems { () throws(InputErrors) in try ScoreTableReader.parse(text, file: "s.csv")
    }
    #expect(positions(found) == ["s.csv:2:4", "s.csv:2:8", "s.csv:2:12", "s.csv:3:8"])
    #expect(found[0].message.hasPrefix("'nan' is not a finite number; expected a score"))
    #expect(found[2].message.hasPrefix("'abc' is not a number; expected a score"))
    #expect(found[3].message.hasPrefix("'1e999' is not a number"))
  }

  @Test func boundsScoreMagnitudesAtTheCell() throws {
    let text = "mentee,m1,m2,m3\ne1,1e300,-1e300,1e301\ne2,-1.7e308,0,1\n"
    let found = problems { () throws(InputErrors) in try ScoreTableReader.parse(text, file: "s.csv")
    }
    #expect(positions(found) == ["s.csv:2:17", "s.csv:3:4"])
    #expect(found.allSatisfy { $0.message.contains("too large in magnitude") })
    let fine = try ScoreTableReader.parse("mentee,m1,m2\ne1,1e300,-1e300\n", file: "s.csv")
    #expect(fine.scores == [1e300, -1e300])
  }

  @Test func locatesCellsAcrossBlankLinesAndQuotes() {
    let text = "mentee,m1,m2\n\n\"e\n1\",1,  22\n\ne2,3,4\n"
    #expect(ScoreTableReader.location(row: 0, column: 1, in: text, file: "s.csv")! == (4, 6))
    #expect(ScoreTableReader.location(row: 1, column: 0, in: text, file: "s.csv")! == (6, 4))
    #expect(ScoreTableReader.location(row: 2, column: 0, in: text, file: "s.csv") == nil)
  }

  @Test func reportsHeaderAndIdentifierProblems() {
    let text = "id,m1,m2,m1,\ne1,1,2,3,4\n,1,2,3,4\ne1,1,2,3,4\n"
    let found = problems { () throws(InputErrors) in try ScoreTableReader.parse(text, file: "s.csv")
    }
    #expect(
      positions(found) == ["s.csv:1:1", "s.csv:1:10", "s.csv:1:13", "s.csv:3:1", "s.csv:4:1"])
    #expect(found[0].message.hasPrefix("the first header cell is 'id'; expected 'mentee'"))
    #expect(found[1].message == "duplicate mentor 'm1'; header column 2 already has it")
    #expect(found[2].message.hasPrefix("empty mentor id in the header"))
    #expect(found[3].message.hasPrefix("empty mentee id"))
    #expect(found[4].message == "duplicate mentee 'e1'; line 2 already gives their scores")
  }

  @Test func reportsRowsOfTheWrongLengthAndEmptyFiles() {
    let found = problems { () throws(InputErrors) in
      try ScoreTableReader.parse("mentee,m1\ne1,1,2\n", file: "s.csv")
    }
    #expect(positions(found) == ["s.csv:2:1"])
    let empty = problems { () throws(InputErrors) in try ScoreTableReader.parse("\n", file: "s.csv")
    }
    #expect(positions(empty) == ["s.csv:1:1"])
    #expect(empty.first?.message.hasPrefix("the file is empty") == true)
  }

  @Test func writesTheFormatExactly() {
    let table = ScoreTable(
      menteeIDs: ["e1", "-e2"], mentorIDs: ["m1", "=m2"], scores: [0.5, .nan, -0.0, 1e-7])
    #expect(ScoreTableWriter.csv(table) == "mentee,m1,'=m2\ne1,0.5,\n'-e2,0,1e-07\n")
  }

  @Test func roundTrips() throws {
    var generator = SystemRandomNumberGenerator()
    let mentors = (0..<7).map { "m\($0)" } + ["=x", "a,b"]
    let mentees = (0..<11).map { "e\($0)" } + ["+1", "@y"]
    let scores = (0..<(mentors.count * mentees.count)).map { _ in
      Bool.random(using: &generator) ? Double.random(in: -1e3...1e3, using: &generator) : .nan
    }
    let table = ScoreTable(menteeIDs: mentees, mentorIDs: mentors, scores: scores)
    #expect(try ScoreTableReader.parse(ScoreTableWriter.csv(table), file: "s.csv") == table)
    try withTemporaryDirectory { folder throws in
      let path = folder + "/SCORES.csv"
      try ScoreTableWriter.write(table, to: path)
      #expect(try ScoreTableReader.read(path: path) == table)
    }
  }

  @Test func equalityTreatsForbiddenPairsAsEqual() {
    let a = ScoreTable(menteeIDs: ["e"], mentorIDs: ["m", "n"], scores: [.nan, 1])
    #expect(a == ScoreTable(menteeIDs: ["e"], mentorIDs: ["m", "n"], scores: [.nan, 1]))
    #expect(a != ScoreTable(menteeIDs: ["e"], mentorIDs: ["m", "n"], scores: [0, 1]))
  }
}
