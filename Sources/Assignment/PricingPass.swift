/// A pricing pass of ``CertifiedAssignment``: the reduced cost of every
/// allowed pair against a solution's duals, on several threads
/// (``ParallelBlockPass``), with what each row saw for explanations.
///
/// The result does not depend on the number of threads.
struct PricingPass {
  /// Pairs outside the candidates with reduced cost below `−tolerance`.
  var violations = 0
  /// Rows the solution leaves unassigned that have an allowed pair.
  var unassignedRowsWithPairs = 0
  /// Each row's most violated pairs (at most `perRow`), to add to the candidates.
  var additions = CandidateList()
  /// What the pass saw of each row.
  var statistics: CertifiedAssignment.RowStatistics

  private struct State {
    var worst: TopLists
    /// `listed[j] == i` while row `i` is priced and lists column `j`.
    var listed: [Int]
    var violations = 0
    var unassignedRowsWithPairs = 0
    var additions = CandidateList()
    var rows: [Int] = []
    var eligible: [Int] = []
    var better: [Int] = []
    var bestColumn: [Int] = []
    var bestScore: [Double] = []
    var assignedScore: [Double] = []
  }

  /// Runs the pass.
  ///
  /// - Parameters:
  ///   - eps: Reduced costs above `−eps` count as non-negative.
  /// - Complexity: O(`rows · columns`) time besides the scoring.
  init(
    _ source: some ScoreBlockSource, solution: AssignmentSolution, candidates: CandidateSet, capacities: [Int],
    sense: AssignmentProblem.Sense, perRow k: Int, eps: Double, margin: Double = 0,
    workers: Int = ParallelBlockPass.defaultWorkers
  ) {
    let m = source.columns
    let sign = sense == .maximize ? 1.0 : -1.0
    let states = ParallelBlockPass.run(
      over: source, workers: workers,
      makeState: { State(worst: TopLists(capacities: [k]), listed: [Int](repeating: -1, count: m)) },
      body: { state, block, b in
        let worst = state.worst
        var violations = 0
        var listed = state.listed
        state.listed = []
        listed.withUnsafeMutableBufferPointer { listed in
          solution.columnPrices.withUnsafeBufferPointer { prices in
            capacities.withUnsafeBufferPointer { capacities in
              for (r, i) in block.enumerated() {
                let base = r * m
                // Reduced cost of pair (i, j): rowValue + price − adjusted score,
                // with adjusted score = sign · score + bonus.
                let offset = solution.rowValues[i] - solution.cardinalityBonus
                worst.reset(0)
                for j in candidates.columns[i] { listed[Int(j)] = i }
                let assignedScore = solution.columnOfRow[i].map { b[base + $0] } ?? .nan
                var allowed = 0
                var eligible = 0
                var better = 0
                var bestColumn = -1
                var bestScore = Double.nan
                for j in 0..<m {
                  let s = b[base + j]
                  if s.isNaN { continue }
                  allowed += 1
                  if capacities[j] > 0 {
                    eligible += 1
                    if sign * s > sign * assignedScore { better += 1 }
                    if bestColumn < 0 || sign * s > sign * bestScore {
                      bestColumn = j
                      bestScore = s
                    }
                  }
                  let slack = offset + prices[j] - sign * s
                  if slack < margin && listed[j] != i {
                    if slack < -eps { violations += 1 }
                    worst.offer(0, key: -slack, index: TopOrder.spread(j, row: i, columns: m))
                  }
                }
                if allowed > 0 && solution.columnOfRow[i] == nil { state.unassignedRowsWithPairs += 1 }
                state.rows.append(i)
                state.eligible.append(eligible)
                state.better.append(better)
                state.bestColumn.append(bestColumn)
                state.bestScore.append(bestScore)
                state.assignedScore.append(assignedScore)
                for entry in worst.sorted(0) {
                  let j = TopOrder.unspread(entry.index, row: i, columns: m)
                  state.additions.append(row: i, column: j, score: b[base + j])
                }
              }
            }
          }
        }
        state.listed = listed
        state.violations += violations
      })
    statistics = CertifiedAssignment.RowStatistics(rows: source.rows)
    for state in states {
      violations += state.violations
      unassignedRowsWithPairs += state.unassignedRowsWithPairs
      additions.append(contentsOf: state.additions)
      for (k, i) in state.rows.enumerated() {
        statistics.eligibleColumns[i] = state.eligible[k]
        statistics.betterColumns[i] = state.better[k]
        statistics.bestColumn[i] = state.bestColumn[k]
        statistics.bestScore[i] = state.bestScore[k]
        statistics.assignedScore[i] = state.assignedScore[k]
      }
    }
  }
}
