import CompetencyModel
import Foundation
import Interchange
import Rationale

extension CohortInputs {
  /// The cohort's name for the e-mails: its folder's name (or the mentees
  /// file's folder's, for two files), not the whole path.
  ///
  /// - Complexity: O(length of the path).
  public var programmeName: String {
    let path = cohort.count == 1 ? cohort[0] : (cohort[1] as NSString).deletingLastPathComponent
    let name = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.lastPathComponent
    return name.isEmpty ? path : name
  }

  /// Matches the loaded cohort and writes one introduction e-mail and one
  /// calendar per pair into `folder`, all together or none
  /// (``Interchange/PairInvitations``, ``Interchange/AtomicFolder``). Nothing is sent.
  ///
  /// The checks come in this order, each before anything is written: the
  /// programme's start date, the template, the folder.
  ///
  /// - Parameters:
  ///   - loaded: The inputs these options load.
  ///   - configuration: The configuration to match with (the loaded one, or with the fairness objective).
  ///   - template: The template file, or `nil` for the built-in one.
  ///   - sender: The From address and calendar organiser.
  ///   - folder: The folder to write into (created if missing).
  ///   - force: Whether to write into a folder that already holds files.
  ///   - warning: Called with each person who cannot be addressed (ids only).
  /// - Returns: The line saying how many files were written where.
  /// - Throws: ``Interchange/InputError`` when the configuration has no
  ///   `programme.start`; ``Interchange/InputErrors`` for a bad template;
  ///   ``Interchange/OutputError`` when the folder holds files (without
  ///   `force`) or cannot be written.
  /// - Complexity: one certified solve plus O(size of the files written).
  public func writeInvitations(
    _ loaded: Loaded, configuration: MatchingConfiguration, template: String?, sender: PairInvitations.Sender,
    into folder: String, force: Bool, warning: (String) -> Void
  ) throws -> String {
    let configFile = resolvedCompanionFiles().config
    if configuration.programme.start == nil {
      throw InputError(
        file: configFile ?? "configuration", line: 1, column: 1,
        message:
          "programme.start is not set: invitations are dated from the programme calendar; add 'programme:' with 'start: YYYY-MM-DD' to the configuration"
      )
    }
    let text = try template.map { path throws(InputErrors) in try InvitationTemplate.read(path: path) }
    let chosen = try text ?? InvitationTemplate(text: InvitationTemplate.standard, file: "built-in template")
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    if !force, entries.contains(where: { !$0.hasPrefix(".") }) {
      throw OutputError(path: folder, reason: "the folder already holds files; pass --force to write into it")
    }
    let plan = CohortMatcher.match(
      loaded.cohort, configuration: configuration, history: loaded.history, requirements: loaded.requirements)
    let context = PlanReportContext(
      cohort: programmeName, configuration: configFile, date: PlanReportContext.today())
    let result = PairInvitations.files(plan, template: chosen, sender: sender, context: context)
    for line in result.warnings { warning(line) }
    try AtomicFolder.write(result.files, into: folder)
    let n = plan.pairs.count
    return
      "wrote \(n) e-mail\(n == 1 ? "" : "s") and \(n) calendar\(n == 1 ? "" : "s") to \(DisplayText.visible(folder)); nothing was sent"
  }
}
