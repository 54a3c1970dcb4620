import Foundation
import Testing
import _TestSupport

@testable import Interchange

#if canImport(Glibc)
  import Glibc
#endif

/// `solve`'s reader maps large score files instead of copying them: the
/// same tables and the same errors as reading them, and a file truncated
/// under the mapping spoils the read instead of ending the process.
@Suite struct MappedFileTests {
  /// A score file of `rows` × `columns` cells: ratings 0–9 (with blanks),
  /// or decimals when `decimals`.
  private func scores(rows: Int, columns: Int, decimals: Bool, random: inout SplitMix) -> String {
    var text = "mentee," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + "\n"
    for i in 0..<rows {
      text += "e\(i)"
      for _ in 0..<columns {
        let draw = random.next() % 20
        if draw == 0 {
          text += ","
        } else if decimals {
          text += ",\(Double(draw) / 7)"
        } else {
          text += ",\(draw % 10)"
        }
      }
      text += "\n"
    }
    return text
  }

  private func sameTables(_ a: ScoreTableReader.SolveScores, _ b: ScoreTableReader.SolveScores) -> Bool {
    switch (a, b) {
    case (.whole(let x), .whole(let y)):
      return x.menteeIDs == y.menteeIDs && x.mentorIDs == y.mentorIDs && x.matrix == y.matrix
    case (.decimal(let x), .decimal(let y)):
      return x.menteeIDs == y.menteeIDs && x.mentorIDs == y.mentorIDs
        && x.scores.map(\.bitPattern) == y.scores.map(\.bitPattern)
    default: return false
    }
  }

  /// Files over a megabyte (mapped): whole numbers and decimals read to the
  /// same table as the same text parsed in memory.
  @Test func largeFilesReadAsTheTextParses() throws {
    let folder = try TemporaryFolder()
    var random = SplitMix(seed: 151)
    for decimals in [false, true] {
      let text = scores(rows: 2500, columns: 250, decimals: decimals, random: &random)
      #expect(text.utf8.count > 1 << 20)
      let path = try folder.write(decimals ? "decimals.csv" : "whole.csv", text)
      let mapped = try ScoreTableReader.readForSolve(path: path)
      let parsed = try ScoreTableReader.parseForSolve(text, file: path)
      #expect(sameTables(mapped, parsed), "decimals: \(decimals)")
      if case .whole = mapped { #expect(!decimals) } else { #expect(decimals) }
    }
  }

  /// A large damaged file (a bad cell deep inside, a short row): the same
  /// errors, at the same file:line:column, as `read`.
  @Test func largeDamagedFilesGiveTheSameErrors() throws {
    let folder = try TemporaryFolder()
    var random = SplitMix(seed: 152)
    var lines = scores(rows: 2500, columns: 250, decimals: false, random: &random).split(separator: "\n")
    lines[1717] = lines[1717].replacing(",3", with: ",x3", maxReplacements: 1)
    lines[2222] = lines[2222].prefix { $0 != "," } + ",1"
    let path = try folder.write("bad.csv", lines.joined(separator: "\n") + "\n")
    let expected = Result { () throws(InputErrors) in try ScoreTableReader.read(path: path) }
    let got = Result { () throws(InputErrors) in try ScoreTableReader.readForSolve(path: path) }
    switch (expected, got) {
    case (.failure(let a), .failure(let b)):
      #expect(a.description == b.description)
      #expect(b.description.contains("bad.csv:1718:") && b.description.contains("bad.csv:2223:1:"))
    default: Issue.record("both reads should fail, got \(expected) and \(got)")
    }
  }

  /// `read(path:)` maps large files too: decimals and whole numbers (with
  /// blanks) read to the table the same text parses to in memory, bit for bit.
  @Test func largeFilesReadByReadAsTheTextParses() throws {
    let folder = try TemporaryFolder()
    var random = SplitMix(seed: 153)
    for decimals in [false, true] {
      let text = scores(rows: 2500, columns: 250, decimals: decimals, random: &random)
      #expect(text.utf8.count > 1 << 20)
      let path = try folder.write(decimals ? "decimals.csv" : "whole.csv", text)
      let read = try ScoreTableReader.read(path: path)
      let parsed = try ScoreTableReader.parse(text, file: path)
      #expect(read.menteeIDs == parsed.menteeIDs && read.mentorIDs == parsed.mentorIDs)
      #expect(read.scores.map(\.bitPattern) == parsed.scores.map(\.bitPattern), "decimals: \(decimals)")
      #expect(read.scores.count == 2500 * 250 && read.scores.contains { $0.isNaN })
    }
  }

  /// A large damaged file read by `read(path:)` (declined by the mapped fast
  /// path, then read as before): the careful path's errors, at the same
  /// file:line:column as the text parsed in memory.
  @Test func largeDamagedFilesReadByReadGiveTheCarefulErrors() throws {
    let folder = try TemporaryFolder()
    var random = SplitMix(seed: 154)
    var lines = scores(rows: 2500, columns: 250, decimals: true, random: &random).split(separator: "\n")
    lines[1717] = lines[1717].replacing(",", with: ",x", maxReplacements: 1)
    lines[2222] = lines[2222].prefix { $0 != "," } + ",1"
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > 1 << 20)
    let path = try folder.write("bad.csv", text)
    let expected = Result { () throws(InputErrors) in try ScoreTableReader.parse(text, file: path) }
    let got = Result { () throws(InputErrors) in try ScoreTableReader.read(path: path) }
    switch (expected, got) {
    case (.failure(let a), .failure(let b)):
      #expect(a.description == b.description)
      #expect(b.description.contains("bad.csv:1718:") && b.description.contains("bad.csv:2223:1:"))
    default: Issue.record("both reads should fail, got \(expected) and \(got)")
    }
  }

  /// The guard: a file truncated while mapped faults (`SIGBUS`) on its lost
  /// pages; the read sees zeros and is discarded (`nil`), and the process
  /// goes on. A file that grew is discarded too; small files, folders and
  /// missing files are not mapped.
  @Test func truncatedOrChangedFilesAreDiscarded() throws {
    let folder = try TemporaryFolder()
    let size = 1 << 16
    let path = try folder.write("f.csv", String(repeating: "1,2,3\n", count: size / 6 + 1))
    // Other tests map files on other threads meanwhile: hold the guard so
    // that the handler seen before and after is not theirs.
    var before = sigaction()
    var current = sigaction()
    var sawZero = false
    let truncated: Int? = MappedFile.exclusively {
      #expect(sigaction(SIGBUS, nil, &before) == 0)
      let result: Int? = MappedFile.withBytes(ofRegularFile: path, minimumSize: 1) { bytes in
        #expect(bytes.count > size)
        #expect(bytes[bytes.count - 2] == UInt8(ascii: "3"))
        #expect(truncate(path, 0) == 0)
        sawZero = bytes[bytes.count - 2] == 0
        return 1
      }
      #expect(sigaction(SIGBUS, nil, &current) == 0)
      return result
    }
    #expect(truncated == nil)
    #expect(sawZero)
    // The handler is gone: what was installed before is back.
    #expect(
      unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
    #expect(current.sa_flags == before.sa_flags)

    let grown = try folder.write("g.csv", String(repeating: "4,5,6\n", count: 1000))
    let appended: Int? = MappedFile.withBytes(ofRegularFile: grown, minimumSize: 1) { bytes in
      let handle = FileHandle(forWritingAtPath: grown)!
      handle.seekToEndOfFile()
      handle.write(Data("7,8,9\n".utf8))
      try? handle.close()
      return bytes.count
    }
    #expect(appended == nil)
    let unchanged: Int? = MappedFile.withBytes(ofRegularFile: grown, minimumSize: 1) { $0.count }
    #expect(unchanged == 6006)

    var ran = false
    let small: Int? = MappedFile.withBytes(ofRegularFile: grown, minimumSize: 1 << 20) { _ in
      ran = true
      return 1
    }
    #expect(small == nil && !ran)
    #expect(MappedFile.withBytes(ofRegularFile: folder.folder, minimumSize: 0) { _ in 1 } == nil)
    #expect(MappedFile.withBytes(ofRegularFile: folder.path("missing.csv"), minimumSize: 0) { _ in 1 } == nil)
  }
}
