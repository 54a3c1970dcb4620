import Dispatch
import Interchange
import LinearAlgebra

/// `solve`'s score file, read on another core while the arguments are
/// parsed: start-up (argument parsing, the runtime's first conformance
/// lookups) runs on one thread while the other core idles, so the read
/// that follows it can start there.
///
/// Only the mapped fast path is tried (``ScoreTableReader/readMappedForSolve(path:)``):
/// a regular file of a megabyte or more, nothing else opened, so a stream
/// or a FIFO is never touched. The path is a guess from the raw arguments
/// (the first one after `solve` that is neither an option nor an option's
/// value); `Solve` uses the result only for the very path it parsed, and
/// reads the file itself otherwise, so a wrong guess costs a read and
/// changes nothing else (the same scores, plan and errors).
enum SolvePrefetch {
  /// The options of `solve` that take a value in the next argument.
  static let optionsWithValues: Set<String> = [
    "--capacity", "--capacities", "--format", "--candidates", "--output", "-o",
  ]

  /// The score file's path in `solve`'s raw arguments (`arguments[0]` the
  /// program), or `nil` when the command is not `solve`, asks for help, or
  /// names no file.
  ///
  /// - Complexity: O(arguments).
  static func scoresPath(in arguments: [String]) -> String? {
    guard arguments.count >= 3, arguments[1] == "solve" else { return nil }
    var index = 2
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { return index + 1 < arguments.count ? arguments[index + 1] : nil }
      if argument == "-h" || argument == "--help" || argument == "help" { return nil }
      if argument.hasPrefix("-") && argument != "-" {
        index += optionsWithValues.contains(argument) ? 2 : 1
        continue
      }
      return argument
    }
    return nil
  }

  /// The read in flight, set once by ``start(_:)`` before the arguments are
  /// parsed and only read after.
  nonisolated(unsafe) private static var pending: Pending?

  /// Starts reading the score file of a `solve` command line on another
  /// thread, after `solve`'s process settings (one malloc arena, BLAS's
  /// idle threads ended), which must precede the first worker thread.
  static func start(_ arguments: [String]) {
    guard let path = scoresPath(in: arguments) else { return }
    MentorMatch.Solve.prepareProcess()
    pending = Pending(path: path)
  }

  /// The scores read ahead for `path`, waiting for the read to end; `nil`
  /// when none was started for this path or the fast path declined it.
  static func scores(for path: String) -> ScoreTableReader.SolveScores? {
    guard let pending, pending.path == path else { return nil }
    return pending.take()
  }

  /// One read on a global queue.
  ///
  /// `@unchecked Sendable` is safe: `scores` is written by the read before
  /// it leaves the group and read only after waiting on the group.
  private final class Pending: @unchecked Sendable {
    let path: String
    private let group = DispatchGroup()
    private var scores: ScoreTableReader.SolveScores?

    init(path: String) {
      self.path = path
      group.enter()
      DispatchQueue.global(qos: .userInitiated).async {
        self.scores = ScoreTableReader.readMappedForSolve(path: path)
        self.group.leave()
      }
    }

    func take() -> ScoreTableReader.SolveScores? {
      group.wait()
      return scores
    }
  }
}

extension MentorMatch.Solve {
  /// The process settings of `solve` (see ``MallocArenas/shareMainArena()``):
  /// no matrix products here, so BLAS's spinning workers would only take a
  /// core. Idempotent.
  static func prepareProcess() {
    _ = BLASThreads.endIdleThreads()
    MallocArenas.shareMainArena()
  }
}
