import Foundation

/// The editable text of an introduction e-mail: a `Subject:` line, a blank
/// line, then the body, with `{{placeholder}}` fields filled in per pair
/// (the list is ``placeholders``; `Docs/invitations.md` explains each).
///
/// Invariants: `subject` holds no line break; every field of `subject` and
/// `body` is one of ``placeholders``.
public struct InvitationTemplate: Sendable, Equatable {
  /// The placeholders a template may use.
  public static let placeholders: [String] = [
    "mentee.name", "mentee.first_name", "mentee.email", "mentee.department",
    "mentor.name", "mentor.first_name", "mentor.email", "mentor.department",
    "reasons", "growth_plan", "milestones", "fit",
    "programme.start", "programme.end", "programme.weeks", "cohort",
  ]

  /// The subject line, with fields.
  public var subject: String
  /// The body, with fields, lines separated by LF.
  public var body: String

  /// The template shipped with MentorMatch (also `Datasets/templates/invitation.txt`).
  public static let standard = """
    Subject: Introducing {{mentee.name}} and {{mentor.name}}: your mentoring pair

    Dear {{mentee.first_name}} and {{mentor.first_name}},

    You have been paired for the mentoring programme ({{cohort}}), which runs for
    {{programme.weeks}} weeks from {{programme.start}} to {{programme.end}}.

    {{mentor.first_name}} ({{mentor.department}}) will mentor {{mentee.first_name}} ({{mentee.department}}).

    Why this pairing:
    {{reasons}}

    What to work on (levels on the 0-5 scale: now, by the midpoint review, by the end):
    {{growth_plan}}

    Milestones (the attached calendar file holds them too):
    {{milestones}}

    Please agree a first meeting in the kickoff week. Reply to this message if
    anything about the pairing does not work for you.

    The mentoring programme team

    """

  /// Reads a template.
  ///
  /// - Parameters:
  ///   - text: The template's text (LF or CRLF line ends).
  ///   - file: Its path, for problem reports.
  /// - Throws: ``InputErrors`` with every problem at `file:line:column`: a
  ///   first line that is not `Subject: …`, a missing blank line after it, an
  ///   unknown placeholder, a `{{` never closed.
  /// - Complexity: O(length of `text`).
  public init(text: String, file: String) throws(InputErrors) {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    var problems: [InputError] = []
    let first = lines.first ?? ""
    if !first.lowercased().hasPrefix("subject:") {
      problems.append(
        InputError(file: file, line: 1, column: 1, message: "the first line must be 'Subject: …', the e-mail's subject")
      )
    }
    if lines.count < 2 || !lines[1].trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append(
        InputError(file: file, line: 2, column: 1, message: "a blank line must follow the subject, then the body"))
    }
    for (k, line) in lines.enumerated() {
      for problem in Self.fieldProblems(line) {
        problems.append(InputError(file: file, line: k + 1, column: problem.column, message: problem.message))
      }
    }
    if !problems.isEmpty { throw InputErrors(problems) }
    subject = String(first.dropFirst("subject:".count)).trimmingCharacters(in: .whitespaces)
    body = lines.dropFirst(2).joined(separator: "\n")
  }

  /// The problems of one line's fields, with 1-based columns.
  static func fieldProblems(_ line: String) -> [(column: Int, message: String)] {
    var problems: [(Int, String)] = []
    var rest = line[...]
    while let open = rest.range(of: "{{") {
      let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        problems.append((column, "'{{' is never closed with '}}'"))
        break
      }
      let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      if !placeholders.contains(name) {
        problems.append(
          (
            column,
            "unknown placeholder '{{\(name)}}'; known: \(placeholders.map { "{{\($0)}}" }.joined(separator: ", "))"
          ))
      }
      rest = rest[close.upperBound...]
    }
    return problems
  }

  /// Reads the template file at `path` (a file or a stream).
  ///
  /// - Throws: ``InputErrors``: the file cannot be read (`cannot read file`),
  ///   is not UTF-8, or has the problems ``init(text:file:)`` lists.
  /// - Complexity: O(size of the file).
  public static func read(path: String) throws(InputErrors) -> InvitationTemplate {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let error):
      throw InputErrors([InputError.unreadable(file: path, reason: error.reason)])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputErrors([
        InputError(file: path, line: 1, column: 1, message: "the file is not valid UTF-8; save it with UTF-8 encoding")
      ])
    }
    return try InvitationTemplate(text: text, file: path)
  }

  /// `text` with every field replaced by its value (missing values: empty).
  ///
  /// - Complexity: O(length of `text` + length of the values).
  static func fill(_ text: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = text[...]
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      out += rest[..<open.lowerBound]
      out += values[rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)] ?? ""
      rest = rest[close.upperBound...]
    }
    return out + rest
  }
}
