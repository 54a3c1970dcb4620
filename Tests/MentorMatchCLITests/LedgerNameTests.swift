import Foundation
import Testing
import _TestSupport

/// `ledger record` refuses an empty (or blank) cohort name as a usage error,
/// before it touches the ledger.
@Test(arguments: ["", "   "])
func ledgerRecordRefusesAnEmptyCohortName(name: String) throws {
  let folder = try TemporaryFolder()
  let ledger = folder.path("ledger.sqlite")
  let outcome = try CLIRunner.run(["ledger", "record", "Datasets/sample", "--name", name, "--ledger", ledger])
  #expect(outcome.status == 64)
  #expect(outcome.stderr.contains("The cohort name is empty"))
  #expect(!FileManager.default.fileExists(atPath: ledger))
}
