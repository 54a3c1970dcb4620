/// A problem with the real data files: which file, where, and what.
public struct RealDataError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// The 1-based line (CSV) or worksheet row (XLSX), when known.
  public var row: Int?
  /// The 1-based column, when known.
  public var column: Int?
  /// What is wrong, as a sentence fragment.
  public var message: String

  /// Creates an error.
  public init(file: String, row: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.row = row
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, with the parts that are known.
  public var description: String {
    var place = file
    if let row { place += ":\(row)" }
    if let column { place += ":\(column)" }
    return "\(place): \(message)"
  }
}
