import Assignment
import CompetencyModel
import Foundation

/// The people of a cohort file's rows: mentors and mentees in file order,
/// each with its row's line, and the warnings for mentees with nothing to
/// grow toward, built on every core.
///
/// The rows are cut into consecutive parts; the people of each part are
/// counted first, so every part writes its mentors and mentees at their
/// final places in the result arrays. Each row's person is taken out of
/// its row where it lies (its strings and arrays go to the mentor or
/// mentee without being copied, no placeholder is written), and the row
/// keeps only its levels, goals and listed goals.
struct CohortPeople {
  var mentors: [Mentor] = []
  var mentorLines: [Int] = []
  var mentees: [Mentee] = []
  var menteeLines: [Int] = []
  /// One warning per mentee without a goal above their level (when the file
  /// has goal columns), in file order.
  var growthWarnings: [InputError] = []

  /// Builds the people of `rows`, taking each row's person out of it.
  ///
  /// - Parameters:
  ///   - rows: The rows, in file order; each row's `person` is `nil` after.
  ///   - slots: Where the file's columns land among the cohort's competencies.
  ///   - mentors: Whether the rows that mentor become mentors.
  ///   - mentees: Whether the rows that are mentored become mentees.
  ///   - hasGoalColumns: Whether the mentees' file has goal columns (then a
  ///     mentee without growth gets a warning).
  ///   - menteesFile: The mentees' file name, for those warnings.
  /// - Complexity: O(rows × competencies), over the available cores.
  static func build(
    _ rows: inout [CohortFileParser.Row], slots: CohortFileParser.Slots, mentors: Bool, mentees: Bool,
    hasGoalColumns: Bool, menteesFile: String
  ) -> CohortPeople {
    let count = rows.count
    let parts = count >= 4096 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    let bounds = (0...parts).map { count * $0 / parts }
    // Who each part holds, so each writes at its final place.
    var mentorStarts = [0]
    var menteeStarts = [0]
    for part in 0..<parts {
      var mentorCount = 0
      var menteeCount = 0
      for index in bounds[part]..<bounds[part + 1] {
        let role = rows[index].role
        if mentors && role.mentors { mentorCount += 1 }
        if mentees && role.isMentored { menteeCount += 1 }
      }
      mentorStarts.append(mentorStarts[part] + mentorCount)
      menteeStarts.append(menteeStarts[part] + menteeCount)
    }
    let mentorsBefore = mentorStarts
    let menteesBefore = menteeStarts
    var mentorLineList = [Int](repeating: 0, count: mentorsBefore[parts])
    var menteeLineList = [Int](repeating: 0, count: menteesBefore[parts])
    var mentorList: [Mentor] = []
    var menteeList: [Mentee] = []
    let warnings = ResultSlots<[InputError]>(count: parts)
    rows.withUnsafeMutableBufferPointer { rowBuffer in
      mentorLineList.withUnsafeMutableBufferPointer { mentorLines in
        menteeLineList.withUnsafeMutableBufferPointer { menteeLines in
          mentorList = [Mentor](unsafeUninitializedCapacity: mentorsBefore[parts]) { mentorBuffer, mentorCount in
            menteeList = [Mentee](unsafeUninitializedCapacity: menteesBefore[parts]) { menteeBuffer, menteeCount in
              let shared = Shared(
                rows: rowBuffer, mentors: mentorBuffer, mentorLines: mentorLines, mentees: menteeBuffer,
                menteeLines: menteeLines)
              DispatchQueue.concurrentPerform(iterations: parts) { part in
                var mentor = mentorsBefore[part]
                var mentee = menteesBefore[part]
                var partWarnings: [InputError] = []
                var arena = LevelArena()  // for levels and goals not in cohort order
                let rowBase = shared.rows.baseAddress!
                for index in bounds[part]..<bounds[part + 1] {
                  // The row is read where it lies; its person is given its levels
                  // there and then taken out (moved, not copied: the row keeps `nil`),
                  // and handed on the same way (one copy for a row that is both).
                  let row = rowBase + index
                  let (levels, goals) = slots.inCohortOrder(of: row, withGoals: mentees, arena: &arena)
                  // (In cohort order they are the row's own, which its person holds already.)
                  if !slots.levelsInOrder { row.pointee.person!.levels = levels }
                  let person = row.pointee.person.take()!
                  let role = row.pointee.role
                  let isMentor = mentors && role.mentors
                  let isMentee = mentees && role.isMentored
                  if isMentor && !isMentee {
                    (shared.mentors.baseAddress! + mentor).initialize(
                      to: Mentor(person: consume person, capacity: row.pointee.capacity))
                    shared.mentorLines[mentor] = row.pointee.line
                    mentor += 1
                    continue
                  }
                  if isMentor {
                    (shared.mentors.baseAddress! + mentor).initialize(
                      to: Mentor(person: person, capacity: row.pointee.capacity))
                    shared.mentorLines[mentor] = row.pointee.line
                    mentor += 1
                  }
                  guard isMentee else { continue }
                  // (Decided as the row was read, unless it lists goals in multi-select columns.)
                  let growth = row.pointee.listedGoals.isEmpty ? row.pointee.grows : grows(goals, levels)
                  if hasGoalColumns && !growth {
                    let start = row.pointee.start
                    partWarnings.append(
                      InputError(
                        file: menteesFile, line: start.line, column: start.column,
                        message:
                          "mentee '\(person.id)' has no goal above their current level, so they have nothing "
                          + "to grow toward and, by default (rules.goal_mentees_first), only get a place left "
                          + "over by mentees with goals; set a goal:<competency> above their level:<competency>",
                        severity: .warning))
                  }
                  (shared.mentees.baseAddress! + mentee).initialize(
                    to: Mentee(person: consume person, goals: goals, mentorsWanted: row.pointee.mentorsWanted))
                  shared.menteeLines[mentee] = row.pointee.line
                  mentee += 1
                }
                warnings.put(partWarnings, at: part)
              }
              menteeCount = menteesBefore[parts]
            }
            mentorCount = mentorsBefore[parts]
          }
        }
      }
    }
    var people = CohortPeople(
      mentors: mentorList, mentorLines: mentorLineList, mentees: menteeList, menteeLines: menteeLineList)
    for part in 0..<parts { people.growthWarnings += warnings.take(part) }
    return people
  }

  /// The buffers the parts share: each part reads and changes only its own
  /// rows and writes only its own people's places (`concurrentPerform`
  /// returns when all are done).
  private struct Shared: @unchecked Sendable {
    let rows: UnsafeMutableBufferPointer<CohortFileParser.Row>
    let mentors: UnsafeMutableBufferPointer<Mentor>
    let mentorLines: UnsafeMutableBufferPointer<Int>
    let mentees: UnsafeMutableBufferPointer<Mentee>
    let menteeLines: UnsafeMutableBufferPointer<Int>
  }

  /// Whether some goal is above its level (a missing goal, stored as NaN,
  /// is above none), read on the stored values.
  ///
  /// - Complexity: O(competencies).
  static func grows(_ goals: CompetencyGoals, _ levels: CompetencyLevels) -> Bool {
    goals.withUnsafeStoredValues { goals in
      levels.withUnsafeBufferPointer { levels in
        let count = min(goals.count, levels.count)
        guard count > 0, let goals = goals.baseAddress, let levels = levels.baseAddress else { return false }
        return isAnyAbove(goals, levels, count: count)
      }
    }
  }

  /// Whether `goals[k] > levels[k]` for some `k` in `0..<count` (never for
  /// a NaN goal): eight comparisons at a time, in vector registers, with
  /// one branch per eight (most mentees' goals are mostly missing, so all
  /// of them are read). The comparisons are of pairs (`SIMD2`, one
  /// register without AVX), their masks or-ed into one pair before the
  /// test: with `SIMD4` masks the test took a dozen shuffles.
  ///
  /// - Complexity: O(`count`).
  @inline(__always)
  static func isAnyAbove(_ goals: UnsafePointer<Double>, _ levels: UnsafePointer<Double>, count: Int) -> Bool {
    let goalBytes = UnsafeRawPointer(goals)
    let levelBytes = UnsafeRawPointer(levels)
    @inline(__always) func above(_ offset: Int) -> SIMDMask<SIMD2<Int64>> {
      goalBytes.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
        .> levelBytes.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
    }
    var index = 0
    while index + 8 <= count {
      let offset = index * MemoryLayout<Double>.stride
      if any(above(offset) .| above(offset + 16) .| above(offset + 32) .| above(offset + 48)) { return true }
      index += 8
    }
    while index < count {
      if goals[index] > levels[index] { return true }
      index += 1
    }
    return false
  }
}
