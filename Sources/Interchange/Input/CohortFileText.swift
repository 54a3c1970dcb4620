/// A cohort file's content as the reader gets it: the bytes of an ASCII
/// file as read (valid UTF-8 by being ASCII: the fast path reads them
/// without a `String` being made and checked again, and only the careful
/// path makes one), or any other file's text, or why it could not be read.
enum CohortFileText {
  /// The bytes of a file that is all ASCII.
  case ascii([UInt8])
  /// A text given as such, or a file read as UTF-8 text (or why not).
  case text(Result<String, InputError>)

  /// The file at `path`: its bytes when it is a regular file all of ASCII
  /// (``InputFile/readASCIIBytes(_:)``), else read as ``CSVTable/loadText(path:)``
  /// reads any other file (``CSVTable/loadTextFromBytes(path:)``: as UTF-8
  /// text, with an error at the first bad byte or when it cannot be read).
  ///
  /// - Complexity: O(size of the file).
  static func load(path: String) -> CohortFileText {
    if let bytes = InputFile.readASCIIBytes(path) { return .ascii(bytes) }
    return .text(CSVTable.loadTextFromBytes(path: path))
  }
}
