import Foundation
import Testing

@testable import mentor_match

/// `SolvePrefetch` guesses `solve`'s score file from the raw arguments with
/// its own list of the options that take a value: the list must be exactly
/// the one in `solve`'s ArgumentParser definition, so that an option added
/// there cannot be forgotten here (its value would be taken for the file).
@Suite struct SolvePrefetchOptionsTests {
  /// The names of `solve`'s options that take a value and of its flags, as
  /// ArgumentParser describes the command (`--experimental-dump-help`).
  private func solveArguments() throws -> (options: Set<String>, flags: Set<String>) {
    let dump = MentorMatch.Solve._dumpHelp()
    let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
    let command = try #require(root["command"] as? [String: Any])
    #expect(command["commandName"] as? String == "solve")
    var options: Set<String> = []
    var flags: Set<String> = []
    for argument in try #require(command["arguments"] as? [[String: Any]]) {
      let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
        guard let text = name["name"] as? String, let kind = name["kind"] as? String else { return nil }
        return kind == "short" ? "-" + text : "--" + text
      }
      switch argument["kind"] as? String {
      case "option": options.formUnion(names)
      case "flag": flags.formUnion(names)
      default: #expect(names.isEmpty, "a positional argument with names: \(names)")
      }
    }
    return (options, flags)
  }

  @Test func optionsWithValuesAreSolvesOptions() throws {
    let (options, flags) = try solveArguments()
    #expect(options.contains("--capacity") && flags.contains("--minimize"))
    #expect(SolvePrefetch.optionsWithValues == options)
    // Each option's value is skipped; each flag stands alone.
    for option in options {
      #expect(SolvePrefetch.scoresPath(in: ["mentor-match", "solve", option, "5", "s.csv"]) == "s.csv", "\(option)")
    }
    for flag in flags.subtracting(["-h", "--help"]) {
      #expect(SolvePrefetch.scoresPath(in: ["mentor-match", "solve", flag, "s.csv"]) == "s.csv", "\(flag)")
    }
  }
}
