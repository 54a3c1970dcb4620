import Interchange
import Testing

@Suite struct LevelParserTests {
  @Test(arguments: [("0", 0.0), ("5", 5), (" 3.5 ", 3.5), ("+2", 2), (".5", 0.5), ("4e0", 4)])
  func parsesNumbers(text: String, level: Double) throws {
    #expect(try LevelParser.parse(text) == level)
  }

  @Test(arguments: [
    ("none", 0.0), ("Novice", 1), ("advanced beginner", 2), ("Advanced-Beginner", 2),
    ("advanced_beginner", 2),
    ("COMPETENT", 3), (" proficient ", 4), ("expert", 5),
  ])
  func parsesTierNames(text: String, level: Double) throws {
    #expect(try LevelParser.parse(text) == level)
  }

  @Test(arguments: [
    "6", "-1", "5.01", "nan", "inf", "-infinity", "1e400", "abc", "0x3", "3,5", "master",
  ])
  func rejectsEverythingElse(text: String) {
    #expect(throws: ValueError.self) { try LevelParser.parse(text) }
  }

  @Test func explainsWhatIsExpected() {
    #expect {
      try LevelParser.parse("6")
    } throws: { error in
      (error as? ValueError)?.message.hasPrefix(
        "level 6 is outside 0...5; expected a level from 0 to 5") == true
    }
    #expect {
      try LevelParser.parse("NaN")
    } throws: { error in
      (error as? ValueError)?.message.hasPrefix("'NaN' is not a finite number") == true
    }
    #expect {
      try LevelParser.parse("guru")
    } throws: { error in
      (error as? ValueError)?.message.contains("'guru' is not a level; expected") == true
    }
  }
}
