import CompetencyModel
import Rationale
import Testing
import _TestSupport

@testable import Interchange

@Suite struct PlanDocumentTests {
  /// Large plans splice pairs encoded in parallel chunks into the document;
  /// the bytes must be those of one encoder pass, whatever the chunk size.
  @Test(arguments: [1, 7, 64, 10_000]) func splicedEncodingEqualsOnePass(pairsPerChunk: Int) throws {
    var cohort = CohortFixtures.generated(mentees: 120, mentors: 40, competencies: 8, seed: 4)
    // Text that JSON escapes, in a field that ends up in the pairs.
    cohort.mentees[3].person.name = "Ana \"Quote\" \\ Slash / \n newline, tab\t and é"
    let document = PlanDocument(CohortMatcher.match(cohort, configuration: MatchingConfiguration()))
    #expect(document.pairs.count > 50)
    let spliced = String(decoding: try #require(document.encodedData(pairsPerChunk: pairsPerChunk)), as: UTF8.self)
    #expect(spliced == PlanFormat.json.render(CohortMatcher.match(cohort, configuration: MatchingConfiguration())))
    #expect(spliced == document.encoded())
  }

  @Test func splicingAnEmptyPairListKeepsItsLayout() throws {
    let cohort = CohortFixtures.generated(mentees: 5, mentors: 2, competencies: 3, seed: 1)
    var document = PlanDocument(CohortMatcher.match(cohort, configuration: MatchingConfiguration()))
    document.pairs = []
    #expect(String(decoding: try #require(document.encodedData(pairsPerChunk: 3)), as: UTF8.self) == document.encoded())
  }
}
