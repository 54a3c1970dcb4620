/// Deterministic work counters of one ``SparseShortestAugmentingPathSolver``
/// run: rows placed by each phase and the search work, to compare solver
/// variants without wall-clock timing (which a shared machine makes noisy).
///
/// Every count depends only on the problem and the hint, never on timing.
struct SparseSolveCounters: Sendable, Equatable {
  /// Bids and ε phases of the auction start (``ScalingAuction``), and the rows
  /// it placed (or settled unassigned) that the solver kept.
  var auctionBids = 0
  var auctionPhases = 0
  var auctionPlaced = 0
  /// Rows placed by the greedy start.
  var greedyPlaced = 0
  /// Blocking phases run, and the rows they placed (or left unassigned).
  var blockingPhases = 0
  var blockingPlaced = 0
  /// Single-row forward phases (``SparseShortestAugmentingPathSolver/augment(from:)``).
  var singlePhases = 0
  /// Backward phases (``SparseShortestAugmentingPathSolver/resolveDeficit(at:pairs:)``).
  var backwardPhases = 0
  /// Columns settled by all Dijkstra searches.
  var settledColumns = 0
  /// Listed pairs relaxed by the forward searches.
  var relaxations = 0
}
