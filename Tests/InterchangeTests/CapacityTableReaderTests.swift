import Interchange
import Testing

@Suite struct CapacityTableReaderTests {
  @Test func alignsCapacitiesWithTheScoreTable() throws {
    let text = "Capacity,Mentor,note\n3,m2,x\n0,m1,\n1,'=m3,\n"
    #expect(
      try CapacityTableReader.parse(text, file: "CAPS.csv", mentorIDs: ["m1", "m2", "=m3"]) == [
        0, 3, 1,
      ])
  }

  @Test func boundsCapacitiesAtTheDocumentedMaximum() throws {
    #expect(try CapacityTableReader.parse("mentor,capacity\nm1,1000000\n", file: "c", mentorIDs: ["m1"]) == [1_000_000])
    for text in ["1000001", "9223372036854775807", "99999999999999999999", "1e7", "1000001.0"] {
      let found = problems { () throws(InputErrors) in
        try CapacityTableReader.parse("mentor,capacity\nm1,\(text)\n", file: "c", mentorIDs: ["m1"])
      }
      #expect(positions(found) == ["c:2:4"], "\(text)")
      #expect(found.first?.message.hasPrefix("capacity \(text) is too large") == true, "\(text)")
    }
    // The whole message, made only when it is reported, for both forms of a too large capacity.
    for text in ["1000001", "1000001.0"] {
      let found = problems { () throws(InputErrors) in
        try CapacityTableReader.parse("mentor,capacity\nm1,\(text)\n", file: "c", mentorIDs: ["m1"])
      }
      #expect(
        found.first?.message.hasPrefix(
          "capacity \(text) is too large; expected a whole number 0 or more (the most mentees this mentor takes), at most 1000000 "
            + "(a capacity above the number of mentees already means no limit)") == true,
        "\(found.first?.message ?? "")")
    }
  }

  @Test func reportsEveryProblem() {
    let text = "mentor,capacity\nm1,-1\nm2,2.5\nx9,1\nm1,2\n,3\nm4,\n"
    let found = problems { () throws(InputErrors) in
      try CapacityTableReader.parse(text, file: "CAPS.csv", mentorIDs: ["m1", "m2", "m3", "m4"])
    }
    #expect(
      positions(found) == [
        "CAPS.csv:1:1", "CAPS.csv:2:4", "CAPS.csv:3:4", "CAPS.csv:4:1", "CAPS.csv:5:1",
        "CAPS.csv:6:1",
        "CAPS.csv:7:4",
      ])
    let messages = found.map(\.message)
    #expect(
      messages[0]
        == "mentor 'm3' of the score table has no row in CAPS.csv; every mentor needs a capacity")
    #expect(messages[1].hasPrefix("capacity -1 is negative"))
    #expect(messages[2].hasPrefix("capacity 2.5 is not a whole number"))
    #expect(messages[3] == "unknown mentor 'x9'; the score table has no column for this mentor")
    #expect(messages[4] == "duplicate mentor 'm1'; line 2 already gives their capacity")
    #expect(messages[5].hasPrefix("empty mentor id"))
    #expect(messages[6].hasPrefix("empty capacity"))
  }

  @Test func reportsMissingColumns() {
    let found = problems { () throws(InputErrors) in
      try CapacityTableReader.parse("mentor,places\nm1,1\n", file: "CAPS.csv", mentorIDs: ["m1"])
    }
    #expect(positions(found) == ["CAPS.csv:1:1"])
    #expect(found[0].message.hasPrefix("missing required column 'capacity'"))
  }
}
