import LinearAlgebra

/// The seniority and timezone terms of every pair, precomputed per category
/// of person so that block scoring reads a table instead of evaluating
/// ``ScoreTerms`` for each of millions of pairs.
///
/// A person's category is their (seniority, UTC offset) combination; cohorts
/// have few distinct grades and time zones, so the table is small. The
/// cross-department term is a comparison of interned department ids.
///
/// Invariant: `table[menteeCategory[i] * mentorCategoryCount + mentorCategory[j]]`
/// equals `w_s · seniority(i, j) + w_t · timezone(i, j)` for every pair.
struct PairTermTable: Sendable {
  let menteeCategory: [Int32]
  let mentorCategory: [Int32]
  let mentorCategoryCount: Int
  let table: [Double]
  /// Interned departments (lower-cased); -1 when unknown.
  let menteeDepartment: [Int32]
  let mentorDepartment: [Int32]
  let crossDepartmentWeight: Double

  init(cohort: Cohort, terms: MatchingConfiguration.TermWeights, configuration: MatchingConfiguration) {
    struct Key: Hashable {
      var seniority: Double?
      var offset: Int?
    }
    func categorize(_ people: [Person]) -> (ids: [Int32], keys: [Key]) {
      var index: [Key: Int32] = [:]
      var keys: [Key] = []
      let ids = people.map { person -> Int32 in
        let key = Key(seniority: person.seniority, offset: person.utcOffsetMinutes)
        if let id = index[key] { return id }
        let id = Int32(keys.count)
        index[key] = id
        keys.append(key)
        return id
      }
      return (ids, keys)
    }
    let mentees = categorize(cohort.mentees.map(\.person))
    let mentors = categorize(cohort.mentors.map(\.person))
    menteeCategory = mentees.ids
    mentorCategory = mentors.ids
    mentorCategoryCount = mentors.keys.count
    var table = [Double](repeating: 0, count: mentees.keys.count * mentors.keys.count)
    for (a, e) in mentees.keys.enumerated() {
      for (b, r) in mentors.keys.enumerated() {
        table[a * mentors.keys.count + b] =
          terms.seniority
          * ScoreTerms.seniority(mentee: e.seniority, mentor: r.seniority, idealGap: configuration.idealSeniorityGap)
          + terms.timezone
          * ScoreTerms.timezoneOverlap(mentee: e.offset, mentor: r.offset, workdayHours: configuration.workdayHours)
      }
    }
    self.table = table
    var departments: [String: Int32] = [:]
    func intern(_ name: String?) -> Int32 {
      guard let name else { return -1 }
      let key = name.lowercased()
      if let id = departments[key] { return id }
      let id = Int32(departments.count)
      departments[key] = id
      return id
    }
    mentorDepartment = cohort.mentors.map { intern($0.person.department) }
    menteeDepartment = cohort.mentees.map { intern($0.person.department) }
    crossDepartmentWeight = terms.crossDepartment
  }

  /// Runs `body` with each mentee's terms as a ``FusedRowAddend`` (valid
  /// only inside `body`): the scoring kernel adds them before it stores a
  /// row, the same bits as ``addTerms(mentee:to:)`` after the store.
  ///
  /// - Complexity: O(1) plus `body`'s.
  func withRowAddends<R>(_ body: ((Int) -> FusedRowAddend) -> R) -> R {
    table.withUnsafeBufferPointer { t in
      mentorCategory.withUnsafeBufferPointer { c in
        mentorDepartment.withUnsafeBufferPointer { d in
          let count = mentorCategoryCount
          let cross = crossDepartmentWeight
          return body { i in
            FusedRowAddend(
              table: t.baseAddress! + Int(menteeCategory[i]) * count, categories: c.baseAddress!,
              groups: d.baseAddress!, group: menteeDepartment[i], groupWeight: cross)
          }
        }
      }
    }
  }

  /// Adds the non-competency terms of mentee `i`'s pairs to `row`, which holds
  /// the weighted competency term of each mentor: the reference the fused
  /// fill (``withRowAddends(_:)``) is tested against.
  ///
  /// - Complexity: O(`mentors`).
  @inline(__always)
  func addTerms(mentee i: Int, to row: UnsafeMutableBufferPointer<Double>) {
    let base = Int(menteeCategory[i]) * mentorCategoryCount
    let department = menteeDepartment[i]
    let cross = crossDepartmentWeight
    table.withUnsafeBufferPointer { t in
      mentorCategory.withUnsafeBufferPointer { c in
        mentorDepartment.withUnsafeBufferPointer { d in
          if department < 0 {
            for j in 0..<row.count { row[j] += t[base + Int(c[j])] }
          } else {
            for j in 0..<row.count {
              let other = d[j]
              row[j] += t[base + Int(c[j])] + (other >= 0 && other != department ? cross : 0)
            }
          }
        }
      }
    }
  }
}
