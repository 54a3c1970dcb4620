import LinearAlgebra

/// The covered-growth competency term of every pair, as a sparse-by-dense
/// matrix product.
///
/// For a goal competency `c` of mentee `i` (current level `a`, goal `g > a`,
/// weight `w_c`) the need is `g − a`; a mentor at level `m` covers
/// `(min(m, g) − a)⁺`. With headroom credit `h` (default 0) the mentor also
/// earns `h` per level above the goal, up to `o = min(g + 1, 5) − g` levels.
/// The term is
///
/// ```
/// coverage(i, j) = Σ_c w_c · (covered_c + h · over_c) / Σ_c w_c · (need_c + h · o_c)
/// ```
///
/// and 0 for a mentee with no need. A mentor at or below the mentee's level
/// in `c` adds nothing there; with `h = 0` a mentor at or above every goal
/// scores 1 (with `h > 0`, one level above every goal, or expert, scores 1).
///
/// **Matrix form.** With the ramp `r_t(m) = (m − t)⁺`,
/// `covered = r_a(m) − r_g(m)` and `over = r_g(m) − r_{g+o}(m)`, exactly, for
/// any real levels. Each competency gets one column per distinct threshold
/// `t` (the mentees' current levels, goals and goals + `o`), the mentor matrix
/// ``ramps`` holds `r_t(level(j, c))` (columns × mentors) and each mentee row
/// of ``coefficients`` holds two (three with headroom) non-zeros per goal:
/// `+w/D` at `a`, `−(1 − h)·w/D` at `g`, `−h·w/D` at `g + o`, with
/// `D = Σ w_c (need_c + h · o_c)`. Then `coverage = coefficients · ramps`.
/// Half-level cohorts have at most 11 thresholds per competency.
///
/// Invariants: ``coefficients`` is `mentees × columns`, ``ramps`` is
/// `columns × mentors` with entries in `0...5`; `columnCompetency[k]` and
/// `columnThreshold[k]` name column `k`.
public struct GrowthCoverage: Sendable {
  /// The competency of each column.
  public let columnCompetency: [Int]
  /// The threshold `t` of each column's ramp `(m − t)⁺`.
  public let columnThreshold: [Double]
  /// The mentees' coefficients, one sparse row per mentee.
  public let coefficients: SparseRowMatrix
  /// The mentors' ramps, one row per column, one entry per mentor.
  public let ramps: Matrix
  /// The headroom credit in force.
  public let headroom: Double
  /// ``ramps`` one byte per entry, when every ramp is a whole multiple of
  /// half a level or a quarter (any cohort on the half-level scale): what
  /// ``fill(mentees:into:scale:)`` reads, with the same result to the bit.
  public let compactRamps: ByteStepMatrix?

  /// Builds the matrices of a cohort.
  ///
  /// - Parameters:
  ///   - cohort: The people.
  ///   - weights: One weight per competency, non-negative.
  ///   - headroom: The credit per level above the goal, in `0...1`.
  /// - Complexity: O(`mentees · goals + columns · mentors`), with at most
  ///   `2 · goals + 1` columns per competency (11 on a half-level scale).
  public init(cohort: Cohort, weights: [Double], headroom: Double = 0) {
    precondition((0...1).contains(headroom), "Headroom credit must be in 0...1")
    let k = cohort.competencies.count
    self.headroom = headroom
    var thresholds = [Set<Double>](repeating: [], count: k)
    for mentee in cohort.mentees {
      for c in 0..<k where mentee.gap(c) > 0 && weights[c] > 0 {
        let a = mentee.person.levels[c]
        let g = mentee.goals[c]!
        thresholds[c].insert(a)
        thresholds[c].insert(g)
        if headroom > 0 { thresholds[c].insert(Self.headroomTop(goal: g)) }
      }
    }
    var columnCompetency: [Int] = []
    var columnThreshold: [Double] = []
    var columnOf: [[Double: Int]] = Array(repeating: [:], count: k)
    for c in 0..<k {
      for t in thresholds[c].sorted() {
        columnOf[c][t] = columnCompetency.count
        columnCompetency.append(c)
        columnThreshold.append(t)
      }
    }
    var coefficients = SparseRowMatrix(columns: columnCompetency.count)
    for mentee in cohort.mentees {
      var total = 0.0
      for c in 0..<k where mentee.gap(c) > 0 {
        total += weights[c] * (mentee.gap(c) + headroom * (Self.headroomTop(goal: mentee.goals[c]!) - mentee.goals[c]!))
      }
      var row: [(column: Int, value: Double)] = []
      if total > 0 {
        for c in 0..<k where mentee.gap(c) > 0 && weights[c] > 0 {
          let a = mentee.person.levels[c]
          let g = mentee.goals[c]!
          let share = weights[c] / total
          row.append((columnOf[c][a]!, share))
          if headroom < 1 { row.append((columnOf[c][g]!, -(1 - headroom) * share)) }
          if headroom > 0 { row.append((columnOf[c][Self.headroomTop(goal: g)]!, -headroom * share)) }
        }
      }
      coefficients.appendRow(row)
    }
    let m = cohort.mentors.count
    var ramps = Matrix(rows: columnCompetency.count, columns: m)
    for (column, c) in columnCompetency.enumerated() {
      let t = columnThreshold[column]
      for (j, mentor) in cohort.mentors.enumerated() { ramps[column, j] = max(mentor.person.levels[c] - t, 0) }
    }
    self.columnCompetency = columnCompetency
    self.columnThreshold = columnThreshold
    self.coefficients = coefficients
    self.ramps = ramps
    compactRamps = ByteStepMatrix(exactly: ramps, steps: [0.5, 0.25])
  }

  /// The level up to which headroom above goal `g` earns credit: one level, capped at 5.
  public static func headroomTop(goal g: Double) -> Double { min(g + 1, CompetencyScale.maximum) }

  /// The term of every pair by one BLAS `dgemm` of the dense coefficients and
  /// the ramps, `mentees × mentors`.
  ///
  /// - Complexity: O(`mentees · mentors · columns`) flops and
  ///   O(`mentees · columns`) memory for the dense coefficients: for tests and
  ///   small cohorts; blocks of a large cohort use ``fill(mentees:into:scale:)``.
  public func allPairs() -> Matrix {
    coefficients.dense().multiplied(by: ramps)
  }

  /// Writes `scale ·` the term of a block of mentees against every mentor into
  /// `buffer` (row-major): per pair one chain of fused multiply-adds over the
  /// mentee's non-zero coefficients in order, `acc = fma(scale · coefficient,
  /// ramp, acc)` from 0, reading the one-byte ramps (``compactRamps``) when
  /// the cohort has them; the same bits as one BLAS `daxpy` of a ramp row per
  /// non-zero where `daxpy` fuses its multiply-add (OpenBLAS on FMA processors).
  /// About `4 · goals · mentors` flops per mentee.
  ///
  /// - Complexity: O(`mentees.count · goals · mentors`).
  public func fill(mentees range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>, scale: Double) {
    if let compactRamps {
      coefficients.multiplyRows(range, by: compactRamps, into: buffer, scale: scale)
    } else {
      coefficients.multiplyRowsFused(range, by: ramps, into: buffer, scale: scale)
    }
  }

  /// ``fill(mentees:into:scale:)`` with mentee `i`'s ``FusedRowAddend``
  /// added to each of the row's entries before it is stored (the other terms
  /// of the score): the same bits as the fill followed by those additions,
  /// in one write of the block instead of a write and a read-back.
  ///
  /// - Complexity: O(`mentees.count · (goals + 1) · mentors`).
  public func fill(
    mentees range: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>, scale: Double,
    adding addend: (Int) -> FusedRowAddend
  ) {
    if let compactRamps {
      coefficients.multiplyRows(range, by: compactRamps, into: buffer, scale: scale, adding: addend)
    } else {
      coefficients.multiplyRowsFused(range, by: ramps, into: buffer, scale: scale, adding: addend)
    }
  }

  /// The term of one pair split by competency, from the same coefficients and
  /// ramps as the matrix form: `(competency, contribution)` for every
  /// competency with a coefficient in the mentee's row.
  ///
  /// - Complexity: O(goals of the mentee).
  public func contributions(mentee i: Int, mentor j: Int) -> [Int: Double] {
    var result: [Int: Double] = [:]
    for (column, value) in coefficients.entries(ofRow: i) {
      result[columnCompetency[column], default: 0] += value * ramps[column, j]
    }
    return result
  }

  /// The direct formula, competency by competency, without matrices: the
  /// reference the matrix form is tested against.
  ///
  /// - Returns: The term's value and each competency's share of it.
  /// - Complexity: O(`competencies`).
  public static func direct(mentee: Mentee, mentor: Person, weights: [Double], headroom: Double = 0) -> (
    value: Double, byCompetency: [Double]
  ) {
    var total = 0.0
    var parts = [Double](repeating: 0, count: weights.count)
    for c in weights.indices where mentee.gap(c) > 0 {
      let a = mentee.person.levels[c]
      let g = mentee.goals[c]!
      let top = headroomTop(goal: g)
      total += weights[c] * ((g - a) + headroom * (top - g))
      let covered = max(min(mentor.levels[c], g) - a, 0)
      let over = max(min(mentor.levels[c], top) - g, 0)
      parts[c] = weights[c] * (covered + headroom * over)
    }
    guard total > 0 else { return (0, parts.map { _ in 0 }) }
    parts = parts.map { $0 / total }
    return (parts.reduce(0, +), parts)
  }
}
