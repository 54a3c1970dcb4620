// Wall and CPU per plan write to a file (issue 15, target 4), for A/B pairs of two
// trees: linked by `Benchmarks/link-driver.sh TREE Benchmarks/writers/write-file.swift BINARY`
// against a tree's release objects, run as `BINARY MENTEES MENTORS REPEATS csv,json DIR [mem,raw,file]`.
import CohortGenerator
import CompetencyModel
import Foundation
import Interchange
import Rationale

// MENTEES MENTORS REPEATS csv,json DIR [modes]: per repeat and format, the modes alternated:
// mem (format into memory), raw (the same bytes through AtomicFile.write(Data)), file (streamed AtomicFile write,
// as FileThroughput's "write match plan … streaming"). Prints median wall, MB/s and CPU (getrusage, all threads).
let args = CommandLine.arguments
let mentees = Int(args[1])!, mentors = Int(args[2])!, repeats = Int(args[3])!
let formats = args[4].split(separator: ",").map(String.init)
let dir = args[5]
let modes = args.count > 6 ? args[6].split(separator: ",").map(String.init) : ["mem", "raw", "file"]
func cpu() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}
let cohort = CohortGenerator(.init(mentees: mentees, mentors: mentors, competencies: 64, seed: 1)).generate().cohort
let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
for name in formats {
  let format: PlanFormat = name == "json" ? .json : .csv
  var whole = ByteSink()
  format.write(plan, to: &whole)
  let data = whole.withBytes { Data($0) }
  var results: [String: [(Double, Double)]] = [:]
  for _ in 0..<repeats {
    for mode in modes {
      let c0 = cpu()
      let t0 = DispatchTime.now().uptimeNanoseconds
      switch mode {
      case "mem": var sink = ByteSink(); format.write(plan, to: &sink); precondition(sink.byteCount == data.count)
      case "raw": try! AtomicFile.write(data, to: dir + "/raw." + name)
      default: try! AtomicFile.write(to: dir + "/plan." + name) { format.write(plan, to: &$0) }
      }
      results[mode, default: []].append((Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6, cpu() - c0))
    }
  }
  for mode in modes {
    let walls = results[mode]!.map(\.0).sorted(), cpus = results[mode]!.map(\.1).sorted()
    print(String(format: "%@ %@ %d bytes: median wall %.1f ms (%.0f MB/s), best %.1f (%.0f MB/s), median CPU %.1f ms",
      name, mode, data.count, walls[repeats / 2], Double(data.count) / walls[repeats / 2] / 1000, walls[0],
      Double(data.count) / walls[0] / 1000, cpus[repeats / 2]))
  }
}
