import CompetencyModel

/// Writes mentors' capacities as `CAPS.csv` (`mentor,capacity`), the file
/// ``CapacityTableReader`` and `solve --capacities` read.
public enum CapacityTableWriter {
  /// The CSV text: a `mentor,capacity` header and one row per mentor, in order.
  ///
  /// - Complexity: O(mentors).
  public static func csv(_ mentors: [Mentor]) -> String {
    var writer = CSVWriter()
    writer.writeRow(["mentor", "capacity"])
    for mentor in mentors { writer.writeRow([.text(mentor.id), .integer(mentor.capacity)]) }
    return writer.text
  }
}
