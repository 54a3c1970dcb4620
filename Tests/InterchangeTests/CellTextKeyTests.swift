import Testing
import _TestSupport

@testable import Interchange

/// The header keys made on the bytes of an ASCII name are those made
/// character by character, on seeded random names with whitespace of every
/// ASCII kind (`\r\n` too) at both ends and inside, `_`, `-`, colons, upper
/// and lower case; a name that is not ASCII is keyed character by character.
struct CellTextKeyTests {
  private static let pieces = [
    "A", "b", "Z", "z", "Q", "0", "9", ":", "_", "-", ".", "'", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}",
    "\u{0C}", "\u{1F}", "\u{7F}", "level", "Goal", "Time Zone", "time_zone", "TIMEZONE", "SQL", "@", "~",
  ]

  @Test func asciiKeysAreTheKeysMadeCharacterByCharacter() {
    var random = SplitMix(seed: 0xCE11_7E47)
    var nonEmptyCompetencyKeys = 0
    for _ in 0..<20_000 {
      let name = (0..<Int(random.next() % 9)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
        .joined()
      let header = CellText.asciiHeaderKey(name)
      let competency = CellText.asciiCompetencyKey(name)
      #expect(header == CellText.headerKeyByCharacters(name), "\(name.debugDescription)")
      #expect(competency == CellText.competencyKeyByCharacters(name), "\(name.debugDescription)")
      #expect(CellText.headerKey(name) == CellText.headerKeyByCharacters(name))
      #expect(CellText.competencyKey(name) == CellText.competencyKeyByCharacters(name))
      if competency?.isEmpty == false { nonEmptyCompetencyKeys += 1 }
    }
    #expect(nonEmptyCompetencyKeys > 10_000)
    #expect(CellText.headerKey(" Time_Zone\t") == "timezone")
    #expect(CellText.competencyKey("  Public \r\n  SPEAKING ") == "public speaking")
  }

  @Test func namesThatAreNotASCIIAreKeyedCharacterByCharacter() {
    for name in ["Zeitzone É", "\u{00A0}Time Zone", "TİME", "Projekt\u{2003}Management", "e\u{301}", "Straße"] {
      #expect(CellText.asciiHeaderKey(name) == nil)
      #expect(CellText.asciiCompetencyKey(name) == nil)
      #expect(CellText.headerKey(name) == CellText.headerKeyByCharacters(name))
      #expect(CellText.competencyKey(name) == CellText.competencyKeyByCharacters(name))
    }
  }
}
