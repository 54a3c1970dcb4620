import Testing

@Suite struct HelpTests {
  @Test(arguments: [
    "match", "explain", "compare", "sensitivity", "tune", "ledger", "solve", "score", "validate", "generate",
  ])
  func everyCommandExplainsItself(command: String) throws {
    let result = try CLIRunner.run([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: mentor-match \(command)"))
    #expect(result.stdout.contains("-h, --help"))
  }

  @Test func theRootHelpListsTheExitCodes() throws {
    let result = try CLIRunner.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("65 bad input data"))
    #expect(result.stdout.contains("73 an"))
  }

  @Test func anUnknownOptionIsAUsageError() throws {
    let result = try CLIRunner.run(["match", "Datasets/sample", "--no-such-option"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--no-such-option'"))
  }
}
