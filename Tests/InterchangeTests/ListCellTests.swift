import CompetencyModel
import Interchange
import Testing

/// The `languages` and `preferences` cells: split, trimmed, repeats dropped
/// with the first place kept.
@Suite struct ListCellTests {
  @Test func repeatsAreDroppedKeepingFirstSeenOrder() throws {
    let mentors = "id,name,capacity,level:a,languages,preferences\nm1,A,1,4,\" fr; en ;FR|de,en \",e2;e1;e2; e1 ;e3\n"
    let mentees = "id,name,goal:a,level:a,languages,preferences\ne1,B,3,1,EN;en;en,m1;m1\ne2,C,3,1,,\n"
    let result = try CohortReader.parse(mentors: mentors, mentees: mentees)
    #expect(result.cohort.mentors[0].person.languages == ["fr", "en", "de"])
    #expect(result.cohort.mentors[0].person.preferences == ["e2", "e1", "e3"])
    #expect(result.cohort.mentees[0].person.languages == ["en"])
    #expect(result.cohort.mentees[0].person.preferences == ["m1"])
    #expect(result.cohort.mentees[1].person.languages == [])
  }

  /// A long cell against the direct dedupe (`Array.contains`), on a sweep of
  /// repeats: same lists, same order.
  @Test func longCellsMatchTheDirectDedupe() throws {
    for distinct in [1, 7, 500, 3000] {
      let entries = (0..<6000).map { "L\(($0 * 7919) % distinct)" }
      var expected: [String] = []
      for entry in entries where !expected.contains(entry) { expected.append(entry) }
      let cell = entries.joined(separator: ";")
      let mentees = "id,name,goal:a,level:a,languages,preferences\ne1,B,3,1,\(cell),\(cell)\n"
      let result = try CohortReader.parse(mentors: "id,name,capacity,level:a\nm1,A,1,4\n", mentees: mentees)
      #expect(result.cohort.mentees[0].person.preferences == expected)
      #expect(result.cohort.mentees[0].person.languages == expected.map { $0.lowercased() })
    }
  }
}
