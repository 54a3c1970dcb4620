/// Deterministic work counters of one ``SparseShortestAugmentingPathSolver``
/// run: rows placed by each phase and the search work, to compare solver
/// variants without wall-clock timing (which a shared machine makes noisy).
///
/// Every count depends only on the problem and the hint, never on timing.
/// ``CertifiedAssignment/PhaseSeconds/solveWork`` keeps one per round.
public struct SparseSolveCounters: Sendable, Equatable, CustomStringConvertible {
  /// Bids and ε phases of the auction start (``ScalingAuction``), and the rows
  /// it placed (or settled unassigned) that the solver kept.
  public var auctionBids = 0
  public var auctionPhases = 0
  public var auctionPlaced = 0
  /// Rows placed by the greedy start.
  public var greedyPlaced = 0
  /// Blocking phases run, and the rows they placed (or left unassigned).
  public var blockingPhases = 0
  public var blockingPlaced = 0
  /// Single-row forward phases (``SparseShortestAugmentingPathSolver/augment(from:)``).
  public var singlePhases = 0
  /// Backward phases (``SparseShortestAugmentingPathSolver/resolveDeficit(at:pairs:)``).
  public var backwardPhases = 0
  /// Columns settled by all Dijkstra searches.
  public var settledColumns = 0
  /// Listed pairs relaxed by the forward searches.
  public var relaxations = 0
  /// Heap entries popped by the forward searches (stale ones included).
  public var heapPops = 0
  /// Rows moved along the augmenting paths of the single-row forward phases
  /// (the free row itself not counted): the paths' total length.
  public var pathRows = 0
  /// Rows whose pairs were ordered for the single-row phases (``SparseRowOrder``).
  public var rowsOrdered = 0

  /// The counters on one line, for `--timings`.
  public var description: String {
    "auction \(auctionPlaced) rows (\(auctionBids) bids, \(auctionPhases) phases), greedy \(greedyPlaced), "
      + "blocking \(blockingPlaced) (\(blockingPhases) phases), single \(singlePhases), backward \(backwardPhases), "
      + "settled \(settledColumns), relaxed \(relaxations), popped \(heapPops), path rows \(pathRows), rows ordered \(rowsOrdered)"
  }
}
