import Foundation
import Interchange

// Reads a cohort folder (and an optional outcomes file, or "-") N times in one
// process and prints the median wall time and CPU time (all threads, from
// getrusage) per read: on a loaded machine the CPU time is the steadier figure.
// Built and run by run.sh against a tree's release objects.
let args = CommandLine.arguments
let folder = args[1]
let outcomes = args.count > 2 && args[2] != "-" ? args[2] : nil
let repeats = args.count > 3 ? Int(args[3])! : 10
func cpu() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}
func size(_ p: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0 }
let source = CohortSource(mentorsPath: folder + "/mentors.csv", menteesPath: folder + "/mentees.csv")
let bytes = size(folder + "/mentors.csv") + size(folder + "/mentees.csv")
var walls: [Double] = [], cpus: [Double] = [], reads: [Double] = []
for _ in 0..<repeats {
  let c0 = cpu(); let t0 = DispatchTime.now().uptimeNanoseconds
  let result = try! CohortReader.read(source)
  precondition(result.cohort.mentees.count > 0)
  // The wall time as before (with the release of this read's cohort, as
  // `FileThroughput` has it), and the read alone, stamped while the cohort
  // is still held (a user's one read keeps its cohort: it pays no release).
  reads.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
  withExtendedLifetime(result) {}
  walls.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6); cpus.append(cpu() - c0)
}
walls.sort(); cpus.sort(); reads.sort()
print(String(format: "cohort %d bytes: median wall %.1f ms (%.0f MB/s), best %.1f ms, median CPU %.1f ms", bytes, walls[repeats/2], Double(bytes)/walls[repeats/2]/1000, walls[0], cpus[repeats/2]))
print(String(format: "  the read alone, its cohort still held: median wall %.1f ms (%.0f MB/s), best %.1f ms", reads[repeats/2], Double(bytes)/reads[repeats/2]/1000, reads[0]))
if let outcomes {
  let ob = size(outcomes)
  walls = []; cpus = []
  for _ in 0..<repeats {
    let c0 = cpu(); let t0 = DispatchTime.now().uptimeNanoseconds
    let rows = try! OutcomesReader.read(path: outcomes)
    precondition(rows.count > 0)
    walls.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6); cpus.append(cpu() - c0)
  }
  walls.sort(); cpus.sort()
  print(String(format: "outcomes %d bytes: median wall %.1f ms (%.0f MB/s), best %.1f ms, median CPU %.1f ms", ob, walls[repeats/2], Double(ob)/walls[repeats/2]/1000, walls[0], cpus[repeats/2]))
}
