import CompetencyModel
import Foundation
import Rationale

/// The introduction e-mails and calendars of a plan's pairs, as files: one
/// `.eml` (``EmailMessage``, from an ``InvitationTemplate``, with the
/// calendar attached) and one `.ics` (``ICalendar``: the pair's milestones,
/// both people as attendees) per pair. Nothing is sent.
///
/// Files are named `NNN-<mentee id>-<mentor id>.eml` / `.ics` (NNN the pair's
/// place in the plan, ids reduced to letters, digits, `.`, `_` and `-`).
/// UIDs and Message-IDs are derived from the cohort, the pair and the
/// programme start, so a second run gives the same ones and a calendar
/// program updates the events instead of adding copies.
public enum PairInvitations {
  /// The sender, as in `Mentoring programme <mentoring@example.org>`.
  public struct Sender: Sendable, Equatable {
    public var name: String
    public var address: String

    /// Parses `Name <address>` or a bare address; `nil` when the address is
    /// not a plain `local@domain`.
    public init?(_ text: String) {
      var name = ""
      var address = text.trimmingCharacters(in: .whitespaces)
      if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
        name = address[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
        address = String(address[address.index(after: open)..<address.index(before: address.endIndex)])
      }
      guard EmailMessage.isAddress(address), !name.unicodeScalars.contains(where: DisplayText.isControl) else {
        return nil
      }
      self.name = name
      self.address = address
    }
  }

  /// The default sender, to be replaced with `--from`.
  public static let defaultSender = "Mentoring programme <mentoring@example.org>"

  /// The files and the warnings for the people who cannot be addressed.
  ///
  /// - Parameters:
  ///   - plan: The plan; its configuration's programme must have a start date.
  ///   - template: The e-mail text.
  ///   - sender: The From address and calendar organiser.
  ///   - context: The cohort's name and the date written as `Date:` and
  ///     `DTSTAMP`.
  /// - Returns: Two files per pair, and one warning per person without a
  ///   usable e-mail address (naming ids, never names or addresses).
  /// - Complexity: O(size of the plan and the template).
  public static func files(
    _ plan: PairingPlan, template: InvitationTemplate, sender: Sender, context: PlanReportContext
  ) -> (files: [(name: String, data: Data)], warnings: [String]) {
    let programme = plan.model.configuration.programme
    guard let start = programme.start else { preconditionFailure("Invitations need the programme's start date") }
    let end = start.adding(days: 7 * programme.weeks)
    let cohort = plan.model.cohort
    let width = max(3, String(plan.pairs.count).count)
    var files: [(name: String, data: Data)] = []
    var warnings: [String] = []
    for (k, p) in plan.pairs.enumerated() {
      let mentee = cohort.mentees[p.menteeIndex].person
      let mentor = cohort.mentors[p.mentorIndex].person
      let number = String(repeating: "0", count: max(0, width - String(k + 1).count)) + String(k + 1)
      let stem = "\(number)-\(safe(p.menteeID))-\(safe(p.mentorID))"
      let key = hex(fnv1a("\(context.cohort)\u{0}\(p.menteeID)\u{0}\(p.mentorID)\u{0}\(start)"))
      var addressed: [(name: String, address: String)] = []
      for (role, person) in [("mentee", mentee), ("mentor", mentor)] {
        if let email = person.email?.trimmingCharacters(in: .whitespaces), EmailMessage.isAddress(email) {
          addressed.append((person.name, email))
        } else {
          warnings.append(
            "warning: pair \(k + 1) (\(role) \(DisplayText.visible(person.id))): no usable e-mail address;"
              + " left out of the e-mail's To and the calendar's attendees")
        }
      }
      let values = fields(plan, pair: p, mentee: mentee, mentor: mentor, start: start, end: end, context: context)
      let calendar = ICalendar(
        organizer: .init(name: sender.name, address: sender.address), stamp: context.date,
        events: p.growthPlan.milestones.map { milestone in
          let title = milestone.title.prefix { $0 != ":" }
          return ICalendar.Event(
            uid: "\(key)-week\(milestone.week)@mentor-match.invalid",
            day: milestone.date ?? start.adding(days: 7 * milestone.week).description,
            summary: "Mentoring \(title): \(mentee.name) and \(mentor.name)",
            description: "\(milestone.title.prefix(1).uppercased() + milestone.title.dropFirst()).\n\n"
              + "Focus: \(p.growthPlan.focusSummary)",
            attendees: addressed.map { .init(name: $0.name, address: $0.address) })
        }
      ).data()
      let message = EmailMessage(
        from: .init(name: sender.name, address: sender.address),
        to: addressed.map { .init(name: $0.name, address: $0.address) },
        subject: InvitationTemplate.fill(template.subject, values), date: EmailMessage.dateTime(context.date),
        messageID: "\(key)@mentor-match.invalid", body: InvitationTemplate.fill(template.body, values),
        attachment: (name: "\(stem).ics", type: "text/calendar", data: calendar))
      files.append((name: "\(stem).eml", data: message.data()))
      files.append((name: "\(stem).ics", data: calendar))
    }
    return (files, warnings)
  }

  /// The template's field values for one pair.
  static func fields(
    _ plan: PairingPlan, pair p: PlannedPair, mentee: Person, mentor: Person, start: CalendarDate,
    end: CalendarDate, context: PlanReportContext
  ) -> [String: String] {
    func first(_ name: String) -> String { String(name.split(separator: " ").first ?? Substring(name)) }
    func level(_ value: Double) -> String { "\(CompetencyScale.format(value)) (\(CompetencyScale.name(of: value)))" }
    let focus = p.growthPlan.focus.map {
      "- \($0.competency): \(level($0.current)) now,"
        + ($0.midpoint.map { " \(level($0)) by the midpoint review," } ?? "") + " \(level($0.target)) by the end"
    }
    let milestones = p.growthPlan.milestones.map { m in
      "- \(m.date ?? start.adding(days: 7 * m.week).description) (week \(m.week)): \(m.title)"
    }
    return [
      "mentee.name": mentee.name, "mentee.first_name": first(mentee.name), "mentee.email": mentee.email ?? "",
      "mentee.department": mentee.department ?? "no department given",
      "mentor.name": mentor.name, "mentor.first_name": first(mentor.name), "mentor.email": mentor.email ?? "",
      "mentor.department": mentor.department ?? "no department given",
      "reasons": plainReasons(p.highlights).map { "- \($0)" }.joined(separator: "\n"),
      "growth_plan": focus.isEmpty ? "- to be agreed at the kickoff" : focus.joined(separator: "\n"),
      "milestones": milestones.joined(separator: "\n"), "fit": PlanNumbers.score(p.score),
      "programme.start": start.description, "programme.end": end.description,
      "programme.weeks": String(plan.model.configuration.programme.weeks), "cohort": context.cohort,
    ]
  }

  /// A pair's reasons without the solver's figures: the score contributions
  /// `(+0.250)` are dropped (each one on the line naming the other
  /// competencies), and so is the trade-off line, which is about other mentees.
  static func plainReasons(_ highlights: [String]) -> [String] {
    highlights.filter { !$0.hasPrefix("trade-off") }.map { line in
      var text = line
      if text.hasPrefix(PairExplanation.moreCompetenciesPrefix) {
        text = text.replacingOccurrences(of: #" \([+-][0-9.]+\)(?=, |$)"#, with: "", options: .regularExpression)
      } else if let range = text.range(of: #" \([+-][0-9.]+\)$"#, options: .regularExpression) {
        text.removeSubrange(range)
      }
      return text.prefix(1).uppercased() + text.dropFirst()
    }
  }

  /// An id reduced to characters safe in a file name on every system.
  static func safe(_ id: String) -> String {
    let kept = id.unicodeScalars.map { scalar -> Character in
      let ok =
        scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
      return ok ? Character(scalar) : "_"
    }
    let text = String(kept.prefix(40))
    return text.hasPrefix(".") ? "_" + text.dropFirst() : text
  }

  /// FNV-1a, 64 bits, of the UTF-8 bytes.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
