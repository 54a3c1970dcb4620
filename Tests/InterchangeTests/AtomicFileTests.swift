import Foundation
import Interchange
import Testing

@Suite struct AtomicFileTests {
  @Test func writesANewFile() throws {
    try withTemporaryDirectory { folder throws in
      let path = folder + "/out.csv"
      try AtomicFile.write("a,b\n", to: path)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }
  }

  @Test func replacesContentAndLeavesNoTemporaryFiles() throws {
    try withTemporaryDirectory { folder throws in
      let path = folder + "/out.csv"
      try AtomicFile.write(String(repeating: "long old content\n", count: 100), to: path)
      try AtomicFile.write(Data("new\n".utf8), to: path)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }
  }

  @Test func keepsTheTargetsPermissions() throws {
    try withTemporaryDirectory { folder throws in
      let path = folder + "/private.csv"
      try AtomicFile.write("old", to: path)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
      try AtomicFile.write("new", to: path)
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
  }

  @Test func failsInAMissingFolderAndLeavesNoFile() throws {
    try withTemporaryDirectory { folder throws in
      let path = folder + "/missing/out.csv"
      #expect {
        try AtomicFile.write("x", to: path)
      } throws: { error in
        let error = error as? OutputError
        return error?.path == path && error?.description.hasPrefix("cannot write \(path): ") == true
      }
      #expect(!FileManager.default.fileExists(atPath: path))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
  }

  @Test func failsOverAFolderAndCleansUp() throws {
    try withTemporaryDirectory { folder throws in
      let target = folder + "/taken"
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
      #expect(throws: OutputError.self) { try AtomicFile.write("x", to: target) }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
    }
  }

  @Test func rejectsAPathWithoutAFileName() {
    #expect(throws: OutputError(path: "/tmp/", reason: "the path does not name a file")) {
      try AtomicFile.write("x", to: "/tmp/")
    }
  }
}
