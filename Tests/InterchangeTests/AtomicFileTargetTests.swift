import Foundation
import Testing

@testable import Interchange

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `AtomicFile` writes what a path points at without replacing it: links are
/// followed, FIFOs and devices written directly, regular files renamed over.
@Suite struct AtomicFileTargetTests {
  func fileType(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func followsASymbolicLinkAndKeepsIt() throws {
    try withTemporaryDirectory { folder throws in
      try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
      try AtomicFile.write("old", to: folder + "/real/plan.csv")
      try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder + "/real/plan.csv")
      // A relative link to a relative link.
      try FileManager.default.createSymbolicLink(atPath: folder + "/inner", withDestinationPath: "real/plan.csv")
      try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "inner")
      try AtomicFile.write("new", to: folder + "/link")
      #expect(fileType(folder + "/link") == S_IFLNK)
      #expect(fileType(folder + "/inner") == S_IFLNK)
      #expect(try String(contentsOfFile: folder + "/real/plan.csv", encoding: .utf8) == "new")
      let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/real/plan.csv")
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["plan.csv"])
      #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["real", "inner", "link"])
    }
  }

  @Test func aDanglingLinkCreatesItsTarget() throws {
    try withTemporaryDirectory { folder throws in
      try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/target")
      try AtomicFile.write("made", to: folder + "/link")
      #expect(fileType(folder + "/link") == S_IFLNK)
      #expect(try String(contentsOfFile: folder + "/target", encoding: .utf8) == "made")
    }
  }

  @Test func aLinkLoopIsAnError() throws {
    try withTemporaryDirectory { folder throws in
      try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: "b")
      try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: "a")
      #expect(throws: OutputError(path: folder + "/a", reason: "too many levels of symbolic links")) {
        try AtomicFile.write("x", to: folder + "/a")
      }
      #expect(fileType(folder + "/a") == S_IFLNK && fileType(folder + "/b") == S_IFLNK)
    }
  }

  @Test func writesAFIFODirectlyAndItStaysAFIFO() throws {
    try withTemporaryDirectory { folder throws in
      let fifo = folder + "/pipe"
      #expect(mkfifo(fifo, 0o600) == 0)
      let received = Received()
      let reader = Thread {
        received.set(try? InputFile.read(fifo).get())
      }
      reader.start()
      let content = String(repeating: "pair,row\n", count: 20_000)  // more than a pipe's buffer
      try AtomicFile.write(content, to: fifo)
      while !received.done { usleep(1000) }
      #expect(received.data.map { String(decoding: $0, as: UTF8.self) } == content)
      #expect(fileType(fifo) == S_IFIFO)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe"])
    }
  }

  @Test func devNullStaysACharacterDevice() throws {
    #expect(fileType("/dev/null") == S_IFCHR)
    try AtomicFile.write("discarded\n", to: "/dev/null")
    #expect(fileType("/dev/null") == S_IFCHR)
    #expect(!(try FileManager.default.contentsOfDirectory(atPath: "/dev")).contains { $0.hasPrefix(".null.tmp-") })
  }

  @Test func sweepsStaleTemporariesOfDeadProcessesOnly() throws {
    try withTemporaryDirectory { folder throws in
      // A process id that is certainly not running: a child that has exited and been reaped.
      let dead = try deadProcessID()
      let names = [
        ".out.json.tmp-\(dead)-1f3a",  // ours, dead: swept
        ".out.json.tmp-\(getppid())-2b",  // ours, alive: kept
        ".out.json.tmp-\(getpid())-3c",  // this process's: kept
        ".other.json.tmp-\(dead)-4d",  // another target's: kept
        ".out.json.tmp-\(dead)-notHex",  // not our pattern: kept
        "out.json.tmp-\(dead)-5e",  // not hidden: kept
      ]
      for name in names { try AtomicFile.write("stale", to: folder + "/" + name) }
      try AtomicFile.write("{}", to: folder + "/out.json")
      let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
      #expect(left == Set(names.dropFirst()).union(["out.json"]))
    }
  }

  /// The id of a process that has exited.
  func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    let pid = process.processIdentifier
    #expect(kill(pid, 0) != 0 && errno == ESRCH)
    return pid
  }
}

/// Bytes handed from a reader thread to the test.
private final class Received: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Data?
  private var finished = false
  func set(_ data: Data?) {
    lock.withLock {
      value = data
      finished = true
    }
  }
  var done: Bool { lock.withLock { finished } }
  var data: Data? { lock.withLock { value } }
}
