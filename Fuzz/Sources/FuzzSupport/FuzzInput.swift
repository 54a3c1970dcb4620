import CFuzzer
import Interchange

/// Helpers every fuzz target shares: turning libFuzzer's bytes into reader
/// input, and the checks every reader's answer must pass.
public enum FuzzInput {
  /// Runs libFuzzer with the process's command line and `test` as the
  /// target; returns libFuzzer's exit status.
  public static func run(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
  }

  /// The bytes as text, invalid UTF-8 replaced as `String(decoding:)` does.
  public static func text(_ data: UnsafeRawPointer, _ size: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
  }

  /// The bytes split at the first NUL byte into two texts (two files).
  public static func twoTexts(_ data: UnsafeRawPointer, _ size: Int) -> (String, String) {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let cut = bytes.firstIndex(of: 0) else { return (String(decoding: bytes, as: UTF8.self), "") }
    return (
      String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[(cut + 1)...], as: UTF8.self)
    )
  }

  /// Traps unless every problem points at a real place of a named file with
  /// a message: the promise of `file:line:column` reports.
  public static func checkReported(_ errors: InputErrors, files: Set<String>) {
    precondition(!errors.errors.isEmpty, "a reader threw an empty list of problems")
    checkPlaces(errors.errors, files: files)
  }

  /// Traps unless every problem or warning points at a real place of a named
  /// file with a message.
  public static func checkPlaces(_ problems: [InputError], files: Set<String>) {
    for error in problems {
      precondition(files.contains(error.file), "problem names an unknown file: \(error)")
      precondition(error.line >= 1 && error.column >= 1, "problem without a real line and column: \(error)")
      precondition(!error.message.isEmpty, "problem without a message: \(error)")
    }
  }
}
