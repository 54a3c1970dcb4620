import Foundation

/// The IBM HR Analytics roster (`WA_Fn-UseC_-HR-Employee-Attrition.csv`): the
/// columns a mentoring cohort needs. The roster is fictional (made by IBM data
/// scientists); it supplies the shape of a workforce, not real people.
///
/// Invariants: employee numbers are unique; job levels are in `1...5`; years
/// are non-negative.
public struct HRRoster: Sendable {
  /// One employee.
  public struct Employee: Sendable, Hashable {
    /// The roster's `EmployeeNumber`.
    public var number: Int
    /// `Department`: "Sales", "Research & Development" or "Human Resources".
    public var department: String
    /// `JobRole`, such as "Sales Executive".
    public var jobRole: String
    /// `JobLevel`, 1 (junior) to 5.
    public var jobLevel: Int
    /// `TotalWorkingYears`.
    public var totalWorkingYears: Int
    /// `YearsAtCompany`.
    public var yearsAtCompany: Int
    /// `EducationField`.
    public var educationField: String
  }

  /// The employees, in file order.
  public var employees: [Employee]

  /// The columns read, by header name.
  static let columns = [
    "EmployeeNumber", "Department", "JobRole", "JobLevel", "TotalWorkingYears", "YearsAtCompany", "EducationField",
  ]

  /// Reads the roster (UTF-8, with or without a byte-order mark; no quoted fields).
  ///
  /// - Throws: ``RealDataError`` at `file:line:column` for a missing file or
  ///   column, a quoted field, a short row or a bad number.
  /// - Complexity: O(file size).
  public static func read(path: String) throws(RealDataError) -> HRRoster {
    guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8)
    else {
      throw RealDataError(file: path, message: "cannot read the roster (missing, unreadable or not UTF-8)")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    guard let headerLine = lines.first else { throw RealDataError(file: path, message: "the roster is empty") }
    let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var position: [String: Int] = [:]
    for name in columns {
      guard let index = header.firstIndex(of: name) else {
        throw RealDataError(file: path, row: 1, column: 1, message: "no column \"\(name)\"")
      }
      position[name] = index
    }
    var employees: [Employee] = []
    var seen: Set<Int> = []
    for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let lineNumber = offset + 1
      if let quote = line.firstIndex(of: "\"") {
        throw RealDataError(
          file: path, row: lineNumber, column: line.distance(from: line.startIndex, to: quote) + 1,
          message: "quoted fields are not supported")
      }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == header.count else {
        throw RealDataError(
          file: path, row: lineNumber, column: 1, message: "\(fields.count) fields, the header has \(header.count)")
      }
      func text(_ name: String) -> String { fields[position[name]!] }
      func number(_ name: String, in range: ClosedRange<Int>) throws(RealDataError) -> Int {
        let index = position[name]!
        guard let value = Int(fields[index]), range.contains(value) else {
          let column = fields[..<index].reduce(1) { $0 + $1.count + 1 }
          throw RealDataError(
            file: path, row: lineNumber, column: column,
            message: "\(name) \"\(fields[index])\" is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
      }
      let employee = Employee(
        number: try number("EmployeeNumber", in: 0...Int.max), department: text("Department"),
        jobRole: text("JobRole"), jobLevel: try number("JobLevel", in: 1...5),
        totalWorkingYears: try number("TotalWorkingYears", in: 0...80),
        yearsAtCompany: try number("YearsAtCompany", in: 0...80), educationField: text("EducationField"))
      guard seen.insert(employee.number).inserted else {
        throw RealDataError(
          file: path, row: lineNumber, column: 1, message: "employee number \(employee.number) appears twice")
      }
      employees.append(employee)
    }
    return HRRoster(employees: employees)
  }
}
