import ArgumentParser
import Assignment
import Foundation

/// Shows a command's progress on standard error when it is a terminal: one
/// line, rewritten in place, with the phase, the steps done and an estimate of
/// the time left; cleared when the work ends. Nothing at all when standard
/// error is not a terminal or with `--quiet`, so files, pipes and logs never
/// see it and outputs are the same either way.
enum TerminalProgress {
  /// The reporter for a command: silent unless standard error is a terminal
  /// and `quiet` is false.
  static func reporter(quiet: Bool) -> ProgressReporter {
    guard !quiet, isatty(STDERR_FILENO) != 0 else { return .silent }
    let line = Line()
    return ProgressReporter { event in line.handle(event) }
  }

  /// The line's state, behind a lock: events may come from any thread.
  ///
  /// `@unchecked Sendable`: every stored property is read and written only
  /// while holding `lock`.
  final class Line: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var phaseStart = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false

    func handle(_ event: ProgressReporter.Event) {
      lock.lock()
      defer { lock.unlock() }
      let now = Date()
      switch event {
      case .phase(let name):
        phase = name
        phaseStart = now
        draw(phase + "…")
        lastDrawn = now
      case .step(let done, let total):
        // At most ten redraws a second, and always the last step.
        guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        var text = "\(phase): \(done) of \(total)"
        let elapsed = now.timeIntervalSince(phaseStart)
        if done > 0 && done < total && elapsed > 0.5 {
          text += ", about \(Self.duration(elapsed / Double(done) * Double(total - done))) left"
        }
        draw(text)
      case .finished:
        if shown { write("\r\u{1B}[K") }
        shown = false
      }
    }

    private func draw(_ text: String) {
      write("\r\u{1B}[K" + String(text.prefix(100)))
      shown = true
    }

    private func write(_ text: String) {
      FileHandle.standardError.write(Data(text.utf8))
    }

    /// `3 s`, `2 min 5 s`, `1 h 4 min`.
    static func duration(_ seconds: Double) -> String {
      let s = Int(seconds.rounded(.up))
      if s < 60 { return "\(s) s" }
      if s < 3600 { return "\(s / 60) min \(s % 60) s" }
      return "\(s / 3600) h \(s % 3600 / 60) min"
    }
  }
}

/// The `--quiet` flag of the commands that show progress.
struct ProgressOptions: ParsableArguments {
  @Flag(name: .long, help: "Show no progress on standard error (none is shown when it is not a terminal).")
  var quiet = false

  /// The command's progress reporter (see ``TerminalProgress``).
  func reporter() -> ProgressReporter { TerminalProgress.reporter(quiet: quiet) }
}
