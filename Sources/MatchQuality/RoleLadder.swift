/// How the IBM roster's job roles map to O*NET occupations, and which role is
/// the next step up from each, as used by ``RealDataCohort``.
///
/// The mapping is a judgement, made once and documented in `Docs/quality.md`:
/// the roster's company is a pharmaceutical firm, so sales roles map to the
/// technical and scientific sales occupations and R&D roles to the life
/// sciences. `Manager` is one IBM role in three departments; here it is three
/// roles (Sales, R&D and HR Manager), each with its own occupation.
public enum RoleLadder {
  /// One role of the roster, placed on O*NET and on its ladder.
  public struct Role: Sendable, Hashable {
    /// The roster's `Department`.
    public var department: String
    /// The roster's `JobRole`.
    public var jobRole: String
    /// The role's name in the cohort (department-specific for managers).
    public var label: String
    /// The O*NET-SOC code of the occupation whose skill ratings the role takes.
    public var occupation: String
    /// The ``label`` of the next role up, whose levels are a junior's goals;
    /// `nil` at the top of a ladder.
    public var next: String?
  }

  /// Every role of the roster.
  public static let roles: [Role] = [
    Role(
      department: "Sales", jobRole: "Sales Representative", label: "Sales Representative", occupation: "41-4012.00",
      next: "Sales Executive"),
    Role(
      department: "Sales", jobRole: "Sales Executive", label: "Sales Executive", occupation: "41-4011.00",
      next: "Sales Manager"),
    Role(department: "Sales", jobRole: "Manager", label: "Sales Manager", occupation: "11-2022.00", next: nil),
    Role(
      department: "Research & Development", jobRole: "Laboratory Technician", label: "Laboratory Technician",
      occupation: "19-4021.00", next: "Research Scientist"),
    Role(
      department: "Research & Development", jobRole: "Research Scientist", label: "Research Scientist",
      occupation: "19-1042.00", next: "Research Director"),
    Role(
      department: "Research & Development", jobRole: "Research Director", label: "Research Director",
      occupation: "11-9121.00", next: nil),
    Role(
      department: "Research & Development", jobRole: "Healthcare Representative", label: "Healthcare Representative",
      occupation: "11-9121.01", next: "R&D Manager"),
    Role(
      department: "Research & Development", jobRole: "Manufacturing Director", label: "Manufacturing Director",
      occupation: "11-3051.00", next: "R&D Manager"),
    Role(
      department: "Research & Development", jobRole: "Manager", label: "R&D Manager", occupation: "11-1021.00",
      next: nil),
    Role(
      department: "Human Resources", jobRole: "Human Resources", label: "HR Specialist", occupation: "13-1071.00",
      next: "HR Manager"),
    Role(department: "Human Resources", jobRole: "Manager", label: "HR Manager", occupation: "11-3121.00", next: nil),
  ]

  /// The role of a roster entry, or `nil` when the roster has a role this
  /// ladder does not know.
  ///
  /// - Complexity: O(`roles`).
  public static func role(department: String, jobRole: String) -> Role? {
    roles.first { $0.department == department && $0.jobRole == jobRole }
  }

  /// The role with this label.
  ///
  /// - Complexity: O(`roles`).
  public static func role(labelled label: String) -> Role? { roles.first { $0.label == label } }

  /// The O*NET-SOC codes the ladder uses.
  public static var occupations: Set<String> { Set(roles.map(\.occupation)) }
}
