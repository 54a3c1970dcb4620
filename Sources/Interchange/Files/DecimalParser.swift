import Assignment

/// Strict parsing of the numbers in MentorMatch's files: plain decimals with
/// an optional sign and exponent (`3`, `-2.5`, `.5`, `1e-3`), nothing else.
///
/// Swift's `Double(_:)` also accepts `nan`, `inf`, `infinity` and hexadecimal
/// floats; a spreadsheet user never means those, so they are rejected here
/// and reported with a clear message.
enum DecimalParser {
  /// Parses a decimal number.
  ///
  /// - Parameter text: The cell's text, already trimmed.
  /// - Returns: The value, which is infinite when the decimal overflows, or
  ///   `nil` when `text` is not a decimal number.
  /// - Complexity: O(length of `text`).
  static func parse(_ text: String) -> Double? {
    var copy = text
    guard copy.withUTF8(isDecimal) else { return nil }
    return Double(text)
  }

  /// Parses a decimal number from UTF-8 bytes.
  ///
  /// - Parameter bytes: The text, already trimmed.
  /// - Returns: The value, which is infinite when the decimal overflows, or
  ///   `nil` when `bytes` is not a decimal number.
  /// - Complexity: O(`bytes.count`).
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard isDecimal(bytes) else { return nil }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `bytes` is `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
  ///
  /// - Complexity: O(`bytes.count`).
  static func isDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
      index += 1
    }
    var digits = 0
    while index < count && isDigit(bytes[index]) {
      index += 1
      digits += 1
    }
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < count && isDigit(bytes[index]) {
        index += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      var exponentDigits = 0
      while index < count && isDigit(bytes[index]) {
        index += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return false }
    }
    return index == count
  }

  /// A message for a cell that should hold a number but does not.
  ///
  /// - Parameters:
  ///   - text: The cell's trimmed text.
  ///   - what: What the cell holds, such as `"a score"`.
  /// - Returns: A message such as `"'abc' is not a number; expected a score"`.
  static func notANumber(_ text: String, expected what: String) -> String {
    let lowered = text.lowercased()
    let nonFinite = [
      "nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity",
    ]
    if nonFinite.contains(lowered) {
      return "'\(text)' is not a finite number; expected \(what)"
    }
    return "'\(text)' is not a number; expected \(what)"
  }

  /// Parses a capacity: a whole number from 0 to
  /// ``AssignmentProblem/maximumCapacity`` (`3` or `3.0`).
  ///
  /// - Parameters:
  ///   - text: The cell's trimmed text.
  ///   - expected: What the cell should hold, for messages.
  /// - Returns: The capacity, or why the text is not one.
  /// - Complexity: O(length of `text`).
  static func capacity(_ text: String, expected: String) -> Result<Int, ValueError> {
    if text.isEmpty { return .failure(ValueError("empty capacity; expected \(expected)")) }
    let maximum = AssignmentProblem.maximumCapacity
    // (The message is made only when it is needed: a read of many rows
    // checks one capacity per mentor.)
    func tooLarge() -> ValueError {
      ValueError(
        "capacity \(text) is too large; expected \(expected), at most \(maximum) "
          + "(a capacity above the number of mentees already means no limit)")
    }
    if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      guard let number = Int(text), number <= maximum else { return .failure(tooLarge()) }
      return .success(number)
    }
    guard let number = DecimalParser.parse(text), number.isFinite else {
      return .failure(ValueError(DecimalParser.notANumber(text, expected: expected)))
    }
    if number < 0 {
      return .failure(ValueError("capacity \(text) is negative; expected \(expected)"))
    }
    if number != number.rounded(.towardZero) {
      return .failure(ValueError("capacity \(text) is not a whole number; expected \(expected)"))
    }
    guard number <= Double(maximum) else { return .failure(tooLarge()) }
    return .success(Int(number))
  }
}
