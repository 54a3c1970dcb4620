extension CalendarDate {
  /// The number of days from 1970-01-01 to this date (negative before it).
  ///
  /// - Complexity: O(1).
  public var daysSince1970: Int { Self.days(fromCivil: year, month, day) }
}
