import CohortGenerator
import CompetencyModel
import Foundation
import Interchange
import Rationale

// Matches a generated cohort (MENTEES x MENTORS, 64 competencies, seed 1),
// then writes its plan REPEATS times in FORMAT (csv or json) into memory and
// prints the median wall and CPU time (all threads, from getrusage) per
// write: on a loaded machine the CPU time is the steadier figure. With a
// FILE, the plan is also written there once (AtomicFile) for `cmp`.
// Built and run by run.sh against a tree's release objects; under callgrind,
// runs with two REPEATS counts give the instructions per write.
let args = CommandLine.arguments
let mentees = Int(args[1])!
let mentors = Int(args[2])!
let repeats = Int(args[3])!
let format: PlanFormat = args[4] == "json" ? .json : .csv
let file = args.count > 5 ? args[5] : nil
func cpu() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}
let cohort = CohortGenerator(.init(mentees: mentees, mentors: mentors, competencies: 64, seed: 1)).generate().cohort
let plan = CohortMatcher.match(cohort, configuration: MatchingConfiguration())
var walls: [Double] = []
var cpus: [Double] = []
var bytes = 0
for _ in 0..<repeats {
  let c0 = cpu()
  let t0 = DispatchTime.now().uptimeNanoseconds
  var sink = ByteSink()
  format.write(plan, to: &sink)
  bytes = sink.byteCount
  walls.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
  cpus.append(cpu() - c0)
}
if repeats > 0 {
  walls.sort()
  cpus.sort()
  print(
    String(
      format: "%@ plan %d bytes: median wall %.1f ms (%.0f MB/s), best %.1f ms, median CPU %.1f ms",
      args[4], bytes, walls[repeats / 2], Double(bytes) / walls[repeats / 2] / 1000, walls[0], cpus[repeats / 2]))
}
if let file { try! AtomicFile.write(to: file) { format.write(plan, to: &$0) } }
