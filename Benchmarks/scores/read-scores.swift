import Foundation
import Interchange

// Reads a SCORES.csv N times in one process with `ScoreTableReader.read(path:)`
// and prints the median wall and CPU time (all threads, getrusage) per read;
// with a third argument, writes the table (ids, then every score's bit
// pattern, little-endian) there, to compare two trees' reads bit for bit.
// Under callgrind, per read = (2 reads) − (1 read). Built by run.sh against a
// tree's release objects.
let args = CommandLine.arguments
let path = args[1]
let repeats = args.count > 2 ? Int(args[2])! : 5
func cpu() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}
var walls: [Double] = []
var cpus: [Double] = []
var last: ScoreTable? = nil
for _ in 0..<repeats {
  let c0 = cpu()
  let t0 = DispatchTime.now().uptimeNanoseconds
  let table = try! ScoreTableReader.read(path: path)
  walls.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
  cpus.append(cpu() - c0)
  last = table
}
if args.count > 3, let table = last {
  var out = Data()
  out.append(contentsOf: Array((table.menteeIDs.joined(separator: "\n") + "\n--\n").utf8))
  out.append(contentsOf: Array((table.mentorIDs.joined(separator: "\n") + "\n--\n").utf8))
  for score in table.scores { withUnsafeBytes(of: score.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
  try! out.write(to: URL(fileURLWithPath: args[3]))
}
let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let wall = walls.sorted()[walls.count / 2]
let cpuTime = cpus.sorted()[cpus.count / 2]
print(
  String(
    format: "%d reads: median wall %.1f ms (%.0f MB/s), CPU %.1f ms", repeats, wall, Double(size) / wall / 1e3,
    cpuTime))
