import CompetencyModel
import Foundation
import Rationale
import Testing
import _TestSupport

@testable import Interchange

/// The RFC 5322 / 2045 / 2047 and RFC 5545 writers behind `invitations`,
/// checked against the rules and by decoding what they write.
@Suite struct InvitationFormatTests {
  /// The text of RFC 2047 B-encoded words, decoded.
  func decode(_ words: [String]) -> String {
    let bytes = words.flatMap { word -> [UInt8] in
      #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
      let payload = word.dropFirst(10).dropLast(2)
      return Array(Data(base64Encoded: String(payload)) ?? Data())
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func encodedWordsAreShortWholeAndDecodeBack() {
    for text in ["Zoë", String(repeating: "Łukasz Żółć 東京 ", count: 12), "😀" + String(repeating: "é", count: 80), ""] {
      let words = EncodedWord.encode(text)
      #expect(words.allSatisfy { $0.count <= 60 })
      #expect(decode(words) == text)
      // Each word decodes alone to valid UTF-8 (no character split).
      for word in words {
        #expect(String(validating: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self) != nil)
      }
    }
    #expect(EncodedWord.isPlain("Ann Lee") && !EncodedWord.isPlain("Zoë") && !EncodedWord.isPlain("=?x?="))
    #expect(!EncodedWord.isPlain("a\nb"))
    // A line break in a name is shown as an escape, never carried.
    #expect(decode(EncodedWord.encode("a\r\nBcc: x@y")) == "a\\u{D}\\u{A}Bcc: x@y")
  }

  func message(to names: [String], subject: String, body: String = "Hello\n") -> String {
    let message = EmailMessage(
      from: .init(name: "Programme", address: "p@example.org"),
      to: names.enumerated().map { .init(name: $0.element, address: "person\($0.offset)@example.org") },
      subject: subject, date: EmailMessage.dateTime("2027-01-04"), messageID: "abc@x.invalid", body: body)
    return String(decoding: message.data(), as: UTF8.self)
  }

  @Test func headersAreFoldedEncodedAndCannotBeInjected() throws {
    let long = String(repeating: "Maximiliane ", count: 12)
    let text = message(to: ["Zoë O\"Brien", long, "Eve\r\nBcc: evil@example.org"], subject: "Hello Zoë: " + long)
    let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
    let lines = head.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    // Only the headers we write start a line (no injected Bcc:).
    let names = lines.filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } }
    #expect(
      names == [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
      ])
    // Unfolded, the To header holds the three mailboxes.
    let to = lines.drop { !$0.hasPrefix("To:") }.prefix { $0.hasPrefix("To:") || $0.hasPrefix(" ") }
      .joined().dropFirst(3)
    #expect(to.contains("<person0@example.org>") && to.contains("<person2@example.org>"))
    #expect(lines.contains("Date: Mon, 04 Jan 2027 09:00:00 +0000"))
    #expect(EmailMessage.mailbox(.init(name: "Ann \"Lee\" \\", address: "a@b.c")) == "\"Ann \\\"Lee\\\" \\\\\" <a@b.c>")
  }

  @Test func addressesAreCheckedStrictly() {
    #expect(EmailMessage.isAddress("ann.lee+hr@example.co.uk"))
    for bad in ["", "ann", "@x", "a@", "a b@x", "a@b@c", "a<b@x", "a@x\r\nBcc:y", "zoë@x.org", "a,b@x", "a;b@x"] {
      #expect(!EmailMessage.isAddress(bad), "\(bad)")
    }
    #expect(
      PairInvitations.Sender("HR team <hr@example.org>")
        == PairInvitations.Sender("hr@example.org").map {
          var s = $0
          s.name = "HR team"
          return s
        })
    #expect(PairInvitations.Sender("HR <not an address>") == nil)
  }

  @Test func quotedPrintableKeepsLinesShortAndDecodesBack() {
    let text = "Grüße, " + String(repeating: "a=b ", count: 40) + " \nend with space \n\tand tab"
    let lines = QuotedPrintable.encode(text)
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
    // Decode: join soft breaks, then =XX.
    var bytes: [UInt8] = []
    for (k, line) in lines.enumerated() {
      var body = Array(line.utf8)
      let soft = body.last == UInt8(ascii: "=")
      if soft { body.removeLast() }
      var i = 0
      while i < body.count {
        if body[i] == UInt8(ascii: "="), i + 2 < body.count {
          bytes.append(UInt8(String(decoding: body[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)!)
          i += 3
        } else {
          bytes.append(body[i])
          i += 1
        }
      }
      if !soft && k < lines.count - 1 { bytes.append(0x0A) }
    }
    #expect(String(decoding: bytes, as: UTF8.self) == text)
  }

  @Test func calendarLinesAreFoldedAt75OctetsAndEscaped() {
    let long = String(repeating: "Ünïcödé, ", count: 20)
    let calendar = ICalendar(
      organizer: .init(name: "HR \"team\"", address: "hr@example.org"), stamp: "2027-01-04",
      events: [
        .init(
          uid: "u1@x", day: "2027-02-28", summary: "A; B, C\\D", description: "line one\nline two " + long,
          attendees: [.init(name: "Zoë, O'Brien", address: "z@example.org"), .init(name: "Bo", address: "b@x.org")])
      ])
    let data = calendar.data()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    let lines = text.components(separatedBy: "\r\n").dropLast()
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    // Unfolding gives back whole UTF-8 text and the escaped values.
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    #expect(unfolded.contains("SUMMARY:A\\; B\\, C\\\\D\r\n"))
    #expect(unfolded.contains("DESCRIPTION:line one\\nline two " + ICalendar.text(long) + "\r\n"))
    #expect(
      unfolded.contains("ATTENDEE;CN=\"Zoë, O'Brien\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:z@example.org"))
    #expect(unfolded.contains("ORGANIZER;CN=\"HR 'team'\":mailto:hr@example.org"))
    #expect(unfolded.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"))
    #expect(unfolded.contains("UID:u1@x\r\nDTSTAMP:20270104T000000Z\r\n"))
    // Folding never splits a character: every line is valid UTF-8 alone.
    for line in lines { #expect(String(validating: Data(line.utf8), as: UTF8.self) != nil) }
    #expect(ICalendar.fold(String(repeating: "é", count: 40)).map(\.utf8.count) == [74, 7])
  }

  @Test func templatesReportProblemsWhereTheyAre() throws {
    let template = try InvitationTemplate(text: InvitationTemplate.standard, file: "t")
    #expect(template.subject == "Introducing {{mentee.name}} and {{mentor.name}}: your mentoring pair")
    let bad = "Subject: Hi {{mentee.nmae}}\n\nDear {{mentor.name}}, {{reasons"
    do {
      _ = try InvitationTemplate(text: bad, file: "bad.txt")
      Issue.record("expected problems")
    } catch {
      #expect(error.errors.map { "\($0.line):\($0.column)" } == ["1:13", "3:23"])
      #expect(error.errors[0].message.contains("unknown placeholder '{{mentee.nmae}}'"))
    }
    do {
      _ = try InvitationTemplate(text: "Hello\nthere", file: "t.txt")
      Issue.record("expected problems")
    } catch {
      #expect(error.errors.map { "\($0.line):\($0.column)" } == ["1:1", "2:1"])
    }
    #expect(InvitationTemplate.fill("a {{ fit }} b {{x}}", ["fit": "0.5"]) == "a 0.5 b ")
  }

  @Test func theShippedTemplateFileIsTheBuiltInOne() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../Datasets/templates/invitation.txt")
    #expect(try String(contentsOf: url, encoding: .utf8) == InvitationTemplate.standard)
  }

  @Test func everyPairGetsAnEmailAndACalendarFromTheProgrammeCalendar() throws {
    var cohort = CohortFixtures.generated(mentees: 12, mentors: 5, competencies: 4, seed: 3)
    cohort.mentees[0].person.name = "Zoë \"Zo\" Ñúñez"
    cohort.mentees[0].person.email = "zoe@example.org"
    cohort.mentees[1].person.email = nil
    var configuration = MatchingConfiguration()
    configuration.programme.start = CalendarDate("2027-03-01")
    configuration.programme.weeks = 10
    let plan = CohortMatcher.match(cohort, configuration: configuration)
    let context = PlanReportContext(cohort: "spring", configuration: nil, date: "2027-02-01")
    let sender = try #require(PairInvitations.Sender("HR <hr@example.org>"))
    let template = try InvitationTemplate(text: InvitationTemplate.standard, file: "t")
    let (files, warnings) = PairInvitations.files(plan, template: template, sender: sender, context: context)
    #expect(files.count == 2 * plan.pairs.count)
    #expect(Set(files.map(\.name)).count == files.count)
    let withoutEmail =
      plan.pairs.filter {
        cohort.mentees[$0.menteeIndex].person.email == nil
      }.count + plan.pairs.filter { cohort.mentors[$0.mentorIndex].person.email == nil }.count
    #expect(warnings.count == withoutEmail)
    #expect(warnings.allSatisfy { !$0.contains("@") })
    for (k, p) in plan.pairs.enumerated() {
      let eml = String(decoding: files[2 * k].data, as: UTF8.self)
      let ics = String(decoding: files[2 * k + 1].data, as: UTF8.self)
      #expect(files[2 * k].name.hasSuffix("-\(p.menteeID)-\(p.mentorID).eml"))
      #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == p.growthPlan.milestones.count)
      for (week, day) in [(0, "20270301"), (5, "20270405"), (10, "20270510")] {
        #expect(ics.contains("DTSTART;VALUE=DATE:\(day)\r\n"), "week \(week)")
      }
      #expect(eml.contains("Date: Mon, 01 Feb 2027 09:00:00 +0000"))
      if let address = cohort.mentors[p.mentorIndex].person.email {
        #expect(eml.contains("<\(address)>"))
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("mailto:\(address)\r\n"))
      }
      // The same inputs give the same bytes (stable UIDs and Message-IDs).
    }
    let again = PairInvitations.files(plan, template: template, sender: sender, context: context)
    #expect(again.files.map(\.data) == files.map(\.data))
    #expect(
      PairInvitations.plainReasons(["Coaching: mentor at 4 covers goal 3 (+0.250)", "trade-off: x"]) == [
        "Coaching: mentor at 4 covers goal 3"
      ])
    // The line naming the other competencies loses every contribution, and only those.
    #expect(
      PairInvitations.plainReasons([
        PairExplanation.moreCompetenciesPrefix + "2 more competencies: Design (+0.050), Sales (x) (+0.025)"
      ]) == ["Also, from 2 more competencies: Design, Sales (x)"])
    #expect(PairInvitations.safe("../a b/é") == "_._a_b__")
  }

  @Test func aOneStepFocusHasNoMidpointLevel() throws {
    // Speaking has no room between 2.8 and 2.9: "by the midpoint review" would repeat the goal.
    let cohort = Cohort(
      competencies: ["Speaking", "Coaching"], mentors: [CohortFixtures.mentor("m1", levels: [5, 5])],
      mentees: [CohortFixtures.mentee("e1", levels: [2.8, 1], goals: [2.9, 3])])
    let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    let pair = try #require(plan.pairs.first)
    let values = PairInvitations.fields(
      plan, pair: pair, mentee: cohort.mentees[0].person, mentor: cohort.mentors[0].person,
      start: CalendarDate("2027-03-01")!, end: CalendarDate("2027-08-16")!,
      context: PlanReportContext(cohort: "spring", configuration: nil, date: "2027-02-01"))
    #expect(
      values["growth_plan"]
        == "- Coaching: 1 (novice) now, 2 (advanced beginner) by the midpoint review, 3 (competent) by the end\n"
        + "- Speaking: 2.8 (competent) now, 2.9 (competent) by the end")
  }
}
