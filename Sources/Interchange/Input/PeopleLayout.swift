import CompetencyModel

/// Where a row's person and a mentor's or mentee's fields lie in memory, so
/// that ``CohortPeople/build(_:slots:mentors:mentees:hasGoalColumns:menteesFile:)``
/// moves a row's person straight into its mentor or mentee: written as
/// `take()` and an initializer, each person's bytes were copied four times
/// (out of the row, `nil` back into it through a temporary, and twice on
/// the way into the result array, `memcpy` each).
///
/// Invariants: every offset is that of a stored property
/// (`MemoryLayout.offset(of:)`), and `Person?` has `Person`'s size and
/// alignment (its `nil` is a spare bit pattern of the person's own fields,
/// so a person held in an optional lies at the optional's address). When
/// either does not hold, ``current`` is `nil` and the build moves people
/// as before.
struct PeopleLayout {
  /// The offset of `CohortFileParser.Row.person`.
  let rowPerson: Int
  /// The offsets of `Mentor.person` and `Mentor.capacity`.
  let mentorPerson: Int
  let mentorCapacity: Int
  /// The offsets of `Mentee.person`, `Mentee.goals` and `Mentee.mentorsWanted`.
  let menteePerson: Int
  let menteeGoals: Int
  let menteeMentorsWanted: Int

  /// The layout of this build's types, or `nil` when an offset is not known
  /// or an optional person does not lie at its optional's address.
  static let current: PeopleLayout? = {
    guard MemoryLayout<Person?>.size == MemoryLayout<Person>.size,
      MemoryLayout<Person?>.alignment == MemoryLayout<Person>.alignment,
      let rowPerson = MemoryLayout<CohortFileParser.Row>.offset(of: \.person),
      let mentorPerson = MemoryLayout<Mentor>.offset(of: \.person),
      let mentorCapacity = MemoryLayout<Mentor>.offset(of: \.capacity),
      let menteePerson = MemoryLayout<Mentee>.offset(of: \.person),
      let menteeGoals = MemoryLayout<Mentee>.offset(of: \.goals),
      let menteeMentorsWanted = MemoryLayout<Mentee>.offset(of: \.mentorsWanted)
    else { return nil }
    return PeopleLayout(
      rowPerson: rowPerson, mentorPerson: mentorPerson, mentorCapacity: mentorCapacity, menteePerson: menteePerson,
      menteeGoals: menteeGoals, menteeMentorsWanted: menteeMentorsWanted)
  }()

  /// Initializes the mentor at `destination` with the person of the row at
  /// `row` and the row's capacity, leaving `nil` in the row: the same
  /// mentor as `Mentor(person: row.pointee.person.take()!, capacity: row.pointee.capacity)`,
  /// with the same precondition on the capacity.
  ///
  /// - Precondition: the row holds a person; `destination` is uninitialized.
  /// - Complexity: O(1) (the person's bytes are copied once).
  @inline(__always)
  func moveMentor(from row: UnsafeMutablePointer<CohortFileParser.Row>, to destination: UnsafeMutablePointer<Mentor>) {
    let capacity = row.pointee.capacity
    precondition(capacity >= 0, "A mentor's capacity cannot be negative")
    let fields = UnsafeMutableRawPointer(destination)
    movePerson(from: row, to: fields + mentorPerson)
    (fields + mentorCapacity).assumingMemoryBound(to: Int.self).initialize(to: capacity)
  }

  /// Initializes the mentee at `destination` with the person of the row at
  /// `row`, `goals` and the row's mentors wanted, leaving `nil` in the row:
  /// the same mentee as `Mentee(person: row.pointee.person.take()!, goals: goals,
  /// mentorsWanted: row.pointee.mentorsWanted)`, with the same precondition.
  ///
  /// - Precondition: the row holds a person; `destination` is uninitialized.
  /// - Complexity: O(1) (the person's bytes are copied once).
  @inline(__always)
  func moveMentee(
    from row: UnsafeMutablePointer<CohortFileParser.Row>, goals: consuming CompetencyGoals,
    to destination: UnsafeMutablePointer<Mentee>
  ) {
    let mentorsWanted = row.pointee.mentorsWanted
    precondition(mentorsWanted >= 1 && mentorsWanted <= Mentee.maximumMentorsWanted, "mentorsWanted out of range")
    let fields = UnsafeMutableRawPointer(destination)
    movePerson(from: row, to: fields + menteePerson)
    (fields + menteeGoals).assumingMemoryBound(to: CompetencyGoals.self).initialize(to: goals)
    (fields + menteeMentorsWanted).assumingMemoryBound(to: Int.self).initialize(to: mentorsWanted)
  }

  /// Moves the row's person to `field` (an uninitialized `Person` field)
  /// and leaves `nil` in the row.
  @inline(__always)
  private func movePerson(from row: UnsafeMutablePointer<CohortFileParser.Row>, to field: UnsafeMutableRawPointer) {
    let optional = (UnsafeMutableRawPointer(row) + rowPerson).assumingMemoryBound(to: Person?.self)
    // (A pattern, not `!= nil`: that compared two optional people, copying one.)
    guard case .some = optional.pointee else { preconditionFailure("The row's person was taken already") }
    optional.withMemoryRebound(to: Person.self, capacity: 1) { person in
      field.assumingMemoryBound(to: Person.self).moveInitialize(from: person, count: 1)
    }
    optional.initialize(to: nil)
  }
}
