import ArgumentParser
import Foundation
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match invitations`: one introduction e-mail and one calendar
  /// per pair of the optimal plan, as files. Nothing is sent.
  struct Invitations: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write an introduction e-mail (.eml) and a calendar (.ics) for every pair; nothing is sent.",
      discussion: """
        Matches the cohort as `match` does, then writes into the output folder, for each \
        pair, NNN-<mentee>-<mentor>.eml (both people addressed, the reasons for the pair \
        and the growth plan, the calendar attached) and NNN-<mentee>-<mentor>.ics (the \
        milestones, both people as attendees), dated from the configuration's \
        programme.start. All files appear together or none does. See Docs/invitations.md.
        """)

    @OptionGroup var cohort: CohortOptions

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("The folder to write into (created if missing).", valueName: "folder"))
    var output: String

    @Option(
      name: .long,
      help: ArgumentHelp(
        "The e-mail template (Subject: line, blank line, body with {{placeholders}}). Default: the built-in one, also in Datasets/templates/invitation.txt.",
        valueName: "file"))
    var template: String?

    @Option(
      name: .long,
      help: ArgumentHelp("The sender and calendar organiser, `Name <address>`.", valueName: "mailbox"))
    var from = PairInvitations.defaultSender

    @Flag(name: .long, help: "Maximise the lowest fit first, then the total (same as `objective: fairness`).")
    var fairness = false

    @Flag(name: .long, help: "Write into an output folder that already holds files.")
    var force = false

    /// The cohort's name for the e-mails: its folder's name (or the mentees
    /// file's folder's, for two files), not the whole path.
    var programmeName: String {
      let path = cohort.cohort.count == 1 ? cohort.cohort[0] : (cohort.cohort[1] as NSString).deletingLastPathComponent
      let name = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.lastPathComponent
      return name.isEmpty ? path : name
    }

    func validate() throws {
      if PairInvitations.Sender(from) == nil {
        throw ValidationError("--from must be an e-mail address, optionally with a name: 'Name <name@example.org>'.")
      }
    }

    func run() throws {
      try reportingErrors {
        let sender = PairInvitations.Sender(from)!
        let loaded = try cohort.load()
        for warning in loaded.warnings { printError(warning.description) }
        var configuration = loaded.configuration
        if fairness { configuration.objective = .fairness }
        let configFile = cohort.inputs.resolvedCompanionFiles().config
        if configuration.programme.start == nil {
          throw InputError(
            file: configFile ?? "configuration", line: 1, column: 1,
            message:
              "programme.start is not set: invitations are dated from the programme calendar; add 'programme:' with 'start: YYYY-MM-DD' to the configuration"
          )
        }
        let text = try template.map { path throws(InputErrors) in try InvitationTemplate.read(path: path) }
        let chosen = try text ?? InvitationTemplate(text: InvitationTemplate.standard, file: "built-in template")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !force, entries.contains(where: { !$0.hasPrefix(".") }) {
          throw OutputError(path: output, reason: "the folder already holds files; pass --force to write into it")
        }
        let plan = CohortMatcher.match(
          loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements)
        let context = PlanReportContext(
          cohort: programmeName, configuration: configFile, date: PlanReportContext.today())
        let result = PairInvitations.files(plan, template: chosen, sender: sender, context: context)
        for warning in result.warnings { printError(warning) }
        try AtomicFolder.write(result.files, into: output)
        printError(
          "wrote \(plan.pairs.count) e-mail\(plan.pairs.count == 1 ? "" : "s") and \(plan.pairs.count) calendar\(plan.pairs.count == 1 ? "" : "s") to \(DisplayText.visible(output)); nothing was sent"
        )
      }
    }
  }
}
