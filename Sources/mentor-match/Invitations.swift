import ArgumentParser
import Foundation
import Intake
import Interchange
import Rationale

extension MentorMatch {
  /// `mentor-match invitations`: one introduction e-mail and one calendar
  /// per pair of the optimal plan, as files. Nothing is sent.
  struct Invitations: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "invitations",
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
        printError(
          try cohort.inputs.writeInvitations(
            loaded, configuration: configuration, template: template, sender: sender, into: output, force: force,
            warning: printError))
      }
    }
  }
}
