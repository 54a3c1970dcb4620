import Foundation
import GRDB
import Testing
import _TestSupport

/// The ledger under overlapping runs, on files the user can only read, and
/// on paths that do not exist: operational failures get 66, 74 or 75, never
/// "bad data" (65) with a made-up `file:1:1` position.
@Suite struct LedgerOverlapTests {
  @Test func twoRecordsAtOnceBothSucceed() throws {
    for round in 0..<3 {
      let folder = try TemporaryFolder()
      let ledger = folder.path("new/ledger.sqlite")
      let runs = try ["a", "b"].map {
        try CLIRunner.start(["ledger", "record", "Datasets/sample", "--name", "\($0)\(round)", "--ledger", ledger])
      }
      for outcome in runs.map({ $0.finish() }) {
        #expect(outcome.status == 0, "round \(round): \(outcome.stderr)")
      }
      let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
      #expect(list.status == 0)
      let names = list.stdout.split(separator: "\n").map { $0.prefix { $0 != "\t" } }
      #expect(Set(names) == ["a\(round)", "b\(round)"], "\(list.stdout)")
    }
  }

  @Test func readersWorkDuringAWriteAndWritersTimeOutWithExit75() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "c1", "--ledger", ledger]).status == 0)
    let holder = try DatabaseQueue(path: ledger)
    try holder.writeWithoutTransaction { db in
      // A long write in progress: the write lock is held, nothing committed.
      try db.execute(sql: "BEGIN IMMEDIATE")
      defer { try? db.execute(sql: "ROLLBACK") }
      try db.execute(sql: "UPDATE pair SET outcome = 1")
      let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
      #expect(list.status == 0, "\(list.stderr)")
      #expect(list.stdout.contains("235 pairs\t0 outcomes"))
      let match = try CLIRunner.run(["match", "Datasets/sample", "--format", "csv", "--ledger", ledger])
      #expect(match.status == 0, "\(match.stderr)")
      let pairs = try CLIRunner.run(["ledger", "pairs", "--cohort", "c1", "--ledger", ledger])
      #expect(pairs.status == 0 && pairs.stdout.split(separator: "\n").count == 236)
      let record = try CLIRunner.run(
        ["ledger", "record", "Datasets/sample", "--name", "c2", "--ledger", ledger],
        environment: ["MENTOR_MATCH_LEDGER_TIMEOUT": "1"])
      #expect(record.status == 75)
      // The ledger it read (one line), then the error.
      #expect(
        record.stderr
          == "ledger \(ledger): 0 recorded pairs excluded (no earlier cohort); 'c1' is this cohort, not its history\n"
          + "error: the ledger \(ledger) is still locked by another process after 1 s; try again later\n")
    }
    try holder.close()
    let list = try CLIRunner.run(["ledger", "list", "--ledger", ledger])
    #expect(list.stdout.split(separator: "\n").count == 1 && list.stdout.contains("0 outcomes"))
  }

  @Test func readOnlyCommandsOnAMissingLedgerExit66AndCreateNothing() throws {
    let folder = try TemporaryFolder()
    let ledger = folder.path("missing/ledger.sqlite")
    let outcomes = try folder.write("o.csv", "mentee,mentor,outcome\nE00001,M00018,4\n")
    let commands: [[String]] = [
      ["ledger", "list"], ["ledger", "pairs", "--cohort", "c"],
      ["ledger", "import-outcomes", "--cohort", "c", outcomes],
      ["tune", "Datasets/sample", "--recorded", "c"], ["match", "Datasets/sample"],
      ["explain", "Datasets/sample", "--mentee", "E00001"],
    ]
    for command in commands {
      let outcome = try CLIRunner.run(command + ["--ledger", ledger])
      #expect(outcome.status == 66, "\(command): \(outcome.stderr)")
      #expect(
        outcome.stderr == "error: the ledger \(ledger) does not exist (`ledger record` creates it)\n", "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("missing")))
    // The default ledger ($MENTOR_MATCH_LEDGER here) is only used when it exists.
    #expect(try CLIRunner.run(["match", "Datasets/sample", "--format", "csv"]).status == 0)
  }

  /// Runs the binary as a user who cannot write `folder` (nobody, through
  /// `setpriv`, when the tests run as root); nil when that is impossible here.
  func readerLauncher() -> [String]? {
    guard getuid() == 0 else { return [] }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
  }

  @Test(arguments: [false, true])
  func aLedgerTheUserCanOnlyReadStillServesReaders(folderWritable: Bool) throws {
    guard let launcher = readerLauncher() else {
      print("skipped: running as root without /usr/bin/setpriv, so no unprivileged user can be simulated")
      return
    }
    let folder = try TemporaryFolder()
    let ledger = folder.path("ledger.sqlite")
    #expect(try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", "c1", "--ledger", ledger]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: ledger + "-wal"))
    // The file is read-only; the folder too unless `folderWritable`.
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ledger)
    try FileManager.default.setAttributes(
      [.posixPermissions: folderWritable ? 0o777 : 0o555], ofItemAtPath: folder.url.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path) }
    let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
    // The unprivileged user reads the cohort from a copy it can reach: the
    // checkout itself may sit in a folder only root can enter (mktemp -d).
    let cohort = try TemporaryFolder()
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cohort.url.path)
    let sample = cohort.path("sample")
    try FileManager.default.copyItem(atPath: "Datasets/sample", toPath: sample)
    // Other files than the recorded cohort's (a recorded cohort's own pairs are not its history).
    let mentees = try String(contentsOfFile: sample + "/mentees.csv", encoding: .utf8)
    try (mentees + "\n").write(toFile: sample + "/mentees.csv", atomically: false, encoding: .utf8)
    func run(_ arguments: [String]) throws -> CLIRunner.Outcome {
      try CLIRunner.start(arguments + ["--ledger", ledger], launcher: launcher).finish()
    }
    let list = try run(["ledger", "list"])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.hasPrefix("c1\t"))
    let pairs = try run(["ledger", "pairs", "--cohort", "c1"])
    #expect(pairs.status == 0 && pairs.stdout.split(separator: "\n").count == 236, "\(pairs.stderr)")
    let match = try run(["match", sample, "--format", "csv"])
    #expect(match.status == 0, "\(match.stderr)")
    // The recorded pairs are still avoided.
    let recorded = Set(
      pairs.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: "|") })
    let matched = match.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { $0.first == "matched" }.map { "\($0[1])|\($0[4])" }
    #expect(!matched.isEmpty && recorded.isDisjoint(with: matched))
    // Writing is an I/O error (74), not bad data.
    let record = try run(["ledger", "record", sample, "--name", "c2"])
    #expect(record.status == 74, "\(record.stderr)")
    #expect(record.stderr.contains("\nerror: cannot use the ledger \(ledger): "), "\(record.stderr)")
    #expect(!record.stderr.contains(":1:1:"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
  }
}
