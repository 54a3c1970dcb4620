import Foundation
import FuzzSupport
import Interchange

/// The CSV tokenizer through `CSVTable.parse`: any bytes give a table or
/// problems at real places; a table's records start on increasing lines and
/// have the header's width.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  do {
    let table = try CSVTable.parse(FuzzInput.text(data, size), file: "fuzz.csv")
    var line = table.header.line
    for record in table.records {
      precondition(record.line > line, "records out of line order")
      precondition(record.count == table.header.count, "record width differs from the header's")
      line = record.line
      for field in record.fields { precondition(field.line >= record.line && field.column >= 1) }
    }
  } catch {
    FuzzInput.checkReported(error, files: ["fuzz.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzCSV))
