import CompetencyModel
import Interchange
import Ledger
import Rationale

/// The outcomes `tune` learns from — read from an outcomes file or from a
/// cohort recorded in the programme ledger — resolved to the cohort's
/// mentee and mentor indices.
public struct TuningOutcomes: Sendable {
  /// The outcomes, by index into the cohort's mentees and mentors.
  public var outcomes: [WeightTuning.Outcome]
  /// Where they came from, for messages: the file's path, or `ledger cohort 'NAME'`.
  public var source: String

  /// The fewest outcomes a fit needs.
  public static let minimumCount = 3

  /// Why the outcomes cannot be used: too few of them, or none of the
  /// weights fit them.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in plain words.
    public var description: String
  }

  /// Reads the outcomes of `file`, or of the ledger cohort `recorded`, and
  /// resolves them against `cohort`.
  ///
  /// - Parameters:
  ///   - file: An outcomes file (CSV: mentee,mentor,outcome); exactly one of
  ///     `file` and `recorded` is given.
  ///   - recorded: A cohort recorded in the ledger at `ledger` (or the default ledger).
  ///   - cohort: The cohort whose people the outcomes name.
  /// - Throws: ``Interchange/InputErrors`` for an unreadable or bad file or a
  ///   pair naming someone not in the cohort (each at its row);
  ///   ``Ledger/LedgerError`` when the ledger fails; ``Failure`` when fewer
  ///   than ``minimumCount`` outcomes remain.
  /// - Complexity: O(rows + people).
  public init(file: String?, recorded: String?, ledger: String?, cohort: Cohort) throws {
    precondition((file == nil) != (recorded == nil), "give the outcomes as a file or as a recorded cohort")
    let rows: [OutcomesReader.Row]
    if let file {
      rows = try OutcomesReader.read(path: file)
      source = file
    } else {
      let name = recorded!
      let store = try ProgrammeLedger(path: ledger ?? ProgrammeLedger.defaultPath, access: .readOnly)
      rows = try store.pairs(cohort: name).compactMap { p in
        p.outcome.map {
          OutcomesReader.Row(pair: PersonPair(menteeID: p.menteeID, mentorID: p.mentorID), value: $0, line: 0)
        }
      }
      source = "ledger cohort '\(name)'"
    }
    outcomes = try Self.resolve(rows, source: source, cohort: cohort)
    guard outcomes.count >= Self.minimumCount else {
      throw Failure(
        description: "\(source) holds \(outcomes.count) outcome(s); tuning needs at least \(Self.minimumCount)")
    }
  }

  /// `rows` by index into `cohort`.
  ///
  /// - Throws: ``Interchange/InputErrors`` with one problem at each row
  ///   naming someone not in the cohort.
  /// - Complexity: O(rows + people).
  public static func resolve(_ rows: [OutcomesReader.Row], source: String, cohort: Cohort) throws(InputErrors)
    -> [WeightTuning.Outcome]
  {
    let menteeIndex = cohort.menteeIndexByID
    let mentorIndex = cohort.mentorIndexByID
    var problems: [InputError] = []
    var observed: [WeightTuning.Outcome] = []
    for row in rows {
      guard let i = menteeIndex[row.pair.menteeID], let j = mentorIndex[row.pair.mentorID] else {
        problems.append(
          InputError(
            file: source, line: row.line, column: row.column,
            message: "the pair \(row.pair) names someone who is not in the cohort"))
        continue
      }
      observed.append(WeightTuning.Outcome(menteeIndex: i, mentorIndex: j, value: row.value))
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    return observed
  }
}

extension TuningOutcomes {
  /// Fits weights to these outcomes (``Rationale/WeightTuning``), with at
  /// most `folds` cross-validation folds.
  ///
  /// - Throws: ``Failure`` saying why no weights fit the outcomes.
  /// - Complexity: that of ``Rationale/WeightTuning``.
  public func tune(cohort: Cohort, base: MatchingConfiguration, folds: Int) throws(Failure) -> WeightTuning {
    do {
      return try WeightTuning(cohort: cohort, base: base, outcomes: outcomes, folds: min(folds, outcomes.count))
    } catch let error as WeightTuningError {
      throw Failure(description: "cannot fit weights to \(source): \(error)")
    } catch {
      // LAPACK could not solve the normal equations: say what that means
      // for the user's data, with LAPACK's own report last.
      throw Failure(
        description: "cannot fit weights to \(source): the least-squares system could not be solved; "
          + "the outcomes or the score terms are too extreme or too uniform (\(error))")
    }
  }
}
