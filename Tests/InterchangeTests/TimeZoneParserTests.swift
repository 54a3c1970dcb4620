import CompetencyModel
import Foundation
import Interchange
import Testing

@Suite struct TimeZoneParserTests {
  @Test(arguments: [
    ("UTC", 0), ("gmt", 0), ("Z", 0), ("UTC+2", 120), ("UTC-03:30", -210), ("GMT+5", 300),
    ("utc +1", 60),
    ("+05:30", 330), ("-0800", -480), ("+14", 840), ("-14:00", -840), ("UTC-9:30", -570), ("+0", 0),
  ])
  func parsesOffsets(text: String, minutes: Int) throws {
    #expect(try TimeZoneParser.minutesFromUTC(text) == minutes)
  }

  @Test func resolvesIANANamesAtTheReferenceDate() throws {
    #expect(try TimeZoneParser.minutesFromUTC("Europe/Berlin") == 60)
    #expect(try TimeZoneParser.minutesFromUTC("America/New_York") == -300)
    #expect(try TimeZoneParser.minutesFromUTC("Asia/Kolkata") == 330)
    #expect(try TimeZoneParser.minutesFromUTC("europe/berlin") == 60)
    let summer = Date(timeIntervalSince1970: 1_783_000_000)  // 2026-07-02
    #expect(try TimeZoneParser.minutesFromUTC("Europe/Berlin", at: summer) == 120)
  }

  @Test func referenceDateIsTheProgrammeStartAtMidnightUTC() throws {
    #expect(TimeZoneParser.referenceDate(programmeStart: nil) == TimeZoneParser.defaultReferenceDate)
    let january = try #require(CalendarDate("2026-01-01"))
    #expect(TimeZoneParser.referenceDate(programmeStart: january) == TimeZoneParser.defaultReferenceDate)
    let june = try #require(CalendarDate("2026-06-01"))
    // 2026-06-01T00:00:00Z is 151 days after 2026-01-01T00:00:00Z.
    #expect(
      TimeZoneParser.referenceDate(programmeStart: june).timeIntervalSince(TimeZoneParser.defaultReferenceDate)
        == 151 * 86_400)
    let date = TimeZoneParser.referenceDate(programmeStart: june)
    #expect(try TimeZoneParser.minutesFromUTC("Europe/Berlin", at: date) == 120)
    #expect(try TimeZoneParser.minutesFromUTC("America/New_York", at: date) == -240)
    // Southern summer in January, winter in June.
    #expect(try TimeZoneParser.minutesFromUTC("Australia/Sydney", at: date) == 600)
    #expect(try TimeZoneParser.minutesFromUTC("Australia/Sydney") == 660)
    let epoch = try #require(CalendarDate("1970-01-01"))
    #expect(TimeZoneParser.referenceDate(programmeStart: epoch).timeIntervalSince1970 == 0)
  }

  @Test(arguments: [
    "UTC+15", "+14:30", "-1500", "UTC+2:75", "+123", "UTC+", "+", "UTC+abc", "Mars/Olympus",
  ])
  func rejectsBadZones(text: String) {
    #expect(throws: ValueError.self) { try TimeZoneParser.minutesFromUTC(text) }
  }

  @Test func explainsTheProblem() {
    #expect {
      try TimeZoneParser.minutesFromUTC("UTC+15")
    } throws: { error in
      (error as? ValueError)?.message.hasPrefix("the offset 'UTC+15' is beyond ±14 hours") == true
    }
    #expect {
      try TimeZoneParser.minutesFromUTC("Mars/Olympus")
    } throws: { error in
      (error as? ValueError)?.message.hasPrefix("unknown time zone 'Mars/Olympus'; expected UTC")
        == true
    }
  }

  @Test func formatsOffsets() throws {
    #expect(TimeZoneParser.format(minutes: 0) == "UTC")
    #expect(TimeZoneParser.format(minutes: 330) == "UTC+05:30")
    #expect(TimeZoneParser.format(minutes: -210) == "UTC-03:30")
    #expect(TimeZoneParser.format(minutes: 840) == "UTC+14:00")
    for minutes in stride(from: -840, through: 840, by: 15) {
      #expect(try TimeZoneParser.minutesFromUTC(TimeZoneParser.format(minutes: minutes)) == minutes)
    }
  }
}
