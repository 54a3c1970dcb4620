import Foundation
import FuzzSupport
import Interchange

/// The configuration reader (YAML).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzConfiguration(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    _ = try ConfigurationReader.parse(FuzzInput.text(data, size), file: "config.yaml")
  } catch {
    FuzzInput.checkReported(error, files: ["config.yaml"])
  }
  return 0
}

exit(FuzzInput.run(fuzzConfiguration))
