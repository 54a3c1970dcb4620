// FileThroughput: the readers and writers at the edges, in MB/s of file
// (issue 15): SCORES.csv (5000 x 1000 cosine scores, 17 significant digits),
// a generated cohort's two files, an outcomes file, the solve report streamed
// as JSON and as CSV, beside the same report through Foundation's
// JSONEncoder, and a generated cohort's `match` plan streamed as JSON and CSV
// beside the plan through JSONEncoder. Print the MB/s with
// `scripts/file-throughput`.
import Assignment
import Benchmark
import CohortGenerator
import CompetencyModel
import Foundation
import Interchange
import Rationale

/// MB (10^6 bytes) per second of the iteration's file.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body` once per scaled iteration and records its MB/s for `bytes`.
func measure(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> Void) rethrows {
  for _ in benchmark.scaledIterations {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
  }
}

/// A temporary folder for the suite's files.
let folder: String = {
  let path = NSTemporaryDirectory() + "file-throughput-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

/// 5000 x 1000 cosine scores of 32-dimensional random vectors, written as
/// Python's repr writes them (shortest round trip, up to 17 digits).
func scoresFile() -> (path: String, table: ScoreTable) {
  var random = SeededRandomNumberGenerator(seed: 1)
  func vectors(_ count: Int) -> [[Double]] {
    (0..<count).map { _ in
      let v = (0..<32).map { _ in Double(random.next() >> 11) / Double(1 << 53) * 2 - 1 }
      let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return v.map { $0 / norm }
    }
  }
  let (a, b) = (vectors(5000), vectors(1000))
  var scores: [Double] = []
  scores.reserveCapacity(5_000_000)
  for i in 0..<5000 { for j in 0..<1000 { scores.append(zip(a[i], b[j]).reduce(0) { $0 + $1.0 * $1.1 }) } }
  let table = ScoreTable(
    menteeIDs: (0..<5000).map { "e\($0)" }, mentorIDs: (0..<1000).map { "m\($0)" }, scores: scores)
  let path = folder + "/SCORES.csv"
  try! ScoreTableWriter.write(table, to: path)
  return (path, table)
}

func fileSize(_ path: String) -> Int {
  (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident, megabytesPerSecond], maxDuration: .seconds(5), maxIterations: 20)

  nonisolated(unsafe) var scores: (path: String, table: ScoreTable)!
  Benchmark("read SCORES.csv 5000x1000", configuration: .init(setup: { scores = scoresFile() })) { benchmark in
    try measure(benchmark, bytes: fileSize(scores.path)) { blackHole(try ScoreTableReader.read(path: scores.path)) }
  }

  nonisolated(unsafe) var cohortFolder = ""
  Benchmark(
    "read cohort 20000x4000x64",
    configuration: .init(setup: {
      let cohort =
        CohortGenerator(.init(mentees: 20000, mentors: 4000, competencies: 64, seed: 1)).generate().cohort
      cohortFolder = folder + "/cohort"
      try? FileManager.default.createDirectory(atPath: cohortFolder, withIntermediateDirectories: true)
      try! CohortWriter.write(cohort, toFolder: cohortFolder)
    })
  ) { benchmark in
    let source = CohortSource(mentorsPath: cohortFolder + "/mentors.csv", menteesPath: cohortFolder + "/mentees.csv")
    let bytes = fileSize(cohortFolder + "/mentors.csv") + fileSize(cohortFolder + "/mentees.csv")
    try measure(benchmark, bytes: bytes) { blackHole(try CohortReader.read(source)) }
  }

  nonisolated(unsafe) var outcomesPath = ""
  Benchmark(
    "read outcomes 500000 rows",
    configuration: .init(setup: {
      // Pairs of a 100,000 x 20,000 cohort with ratings and attainments as HR files give them.
      var random = SeededRandomNumberGenerator(seed: 3)
      var text = "mentee,mentor,outcome\n"
      for row in 0..<500_000 {
        let value = ["4.5", "3", "0.75", "-1", "2.25", "5"][Int(random.next() % 6)]
        text += "E\(String(row / 5 + 100_000))"
        text += ",M\(String(10_000 + row * 7919 % 20_000)),\(value)\n"  // five different mentors per mentee
      }
      outcomesPath = folder + "/outcomes.csv"
      try! AtomicFile.write(text, to: outcomesPath)
    })
  ) { benchmark in
    try measure(benchmark, bytes: fileSize(outcomesPath)) { blackHole(try OutcomesReader.read(path: outcomesPath)) }
  }

  nonisolated(unsafe) var plan: PairingPlan!
  nonisolated(unsafe) var planBytes = (json: 0, csv: 0)
  let planSetup: @Sendable () -> Void = {
    guard plan == nil else { return }
    let cohort = CohortGenerator(.init(mentees: 20000, mentors: 4000, competencies: 64, seed: 1)).generate().cohort
    plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
    planBytes = (PlanDocument(plan).encodedData().count, PlanFormat.csv.render(plan).utf8.count)
  }
  Benchmark("write match plan JSON 20000x4000, streaming", configuration: .init(setup: planSetup)) { benchmark in
    try measure(benchmark, bytes: planBytes.json) {
      try AtomicFile.write(to: folder + "/plan.json") { PlanFormat.json.write(plan, to: &$0) }
    }
  }
  Benchmark("write match plan JSON 20000x4000, JSONEncoder", configuration: .init(setup: planSetup)) { benchmark in
    try measure(benchmark, bytes: planBytes.json) {
      try AtomicFile.write(PlanDocument(plan).encodedData(), to: folder + "/plan.json")
    }
  }
  Benchmark("write match plan CSV 20000x4000, streaming", configuration: .init(setup: planSetup)) { benchmark in
    try measure(benchmark, bytes: planBytes.csv) {
      try AtomicFile.write(to: folder + "/plan.csv") { PlanFormat.csv.write(plan, to: &$0) }
    }
  }
  Benchmark("write match plan CSV 20000x4000, in memory", configuration: .init(setup: planSetup)) { benchmark in
    try measure(benchmark, bytes: planBytes.csv) {
      try AtomicFile.write(PlanFormat.csv.render(plan), to: folder + "/plan.csv")
    }
  }

  nonisolated(unsafe) var report: SolveReport!
  nonisolated(unsafe) var reportBytes = 0
  let reportSetup: @Sendable () -> Void = {
    if scores == nil { scores = scoresFile() }
    let capacities = Array(repeating: 5, count: 1000)
    let problem = scores.table.problem(capacities: capacities)
    let (solution, certificate) = CertifiedAssignment.solve(DenseScoreSource(problem), capacities: capacities)
    report = SolveReport(table: scores.table, solution: solution, solveSeconds: 0.25, certificate: certificate)
    reportBytes = report.render(.json).utf8.count
  }
  Benchmark("write solve report JSON, streaming", configuration: .init(setup: reportSetup)) { benchmark in
    try measure(benchmark, bytes: reportBytes) {
      try AtomicFile.write(to: folder + "/report.json") { report.writeJSON(to: &$0) }
    }
  }
  Benchmark("write solve report JSON, JSONEncoder", configuration: .init(setup: reportSetup)) { benchmark in
    try measure(benchmark, bytes: reportBytes) {
      try AtomicFile.write(report.render(.json), to: folder + "/report.json")
    }
  }
  Benchmark("write solve report CSV, streaming", configuration: .init(setup: reportSetup)) { benchmark in
    let bytes = report.render(.csv).utf8.count
    try measure(benchmark, bytes: bytes) {
      try AtomicFile.write(to: folder + "/report.csv") { report.writeCSV(to: &$0) }
    }
  }
}
