extension SolveReport {
  /// Streams the report as JSON: the bytes of ``render(_:)`` with `.json`
  /// (Foundation's `JSONEncoder`, pretty-printed, sorted keys, and a final
  /// newline), byte for byte (tested), without building the document.
  ///
  /// The assignments are formatted in blocks on every core and appended in
  /// order (``ByteSink/appendBlocks(count:block:_:)``): the same bytes.
  ///
  /// - Parameter sink: Where the bytes go.
  /// - Complexity: O(size of the document); O(cores × block) assignments'
  ///   bytes in memory beyond the sink's buffer.
  public func writeJSON(to sink: inout ByteSink) {
    var json = JSONStreamWriter()
    json.beginObject(&sink)
    json.key(plain: "assigned", &sink)
    JSONStreamWriter.integer(assigned, &sink)
    json.key(plain: "assignments", &sink)
    json.beginArray(&sink)
    if !assignments.isEmpty {
      let assignments = assignments
      sink.appendBlocks(count: assignments.count, block: 512) { range, out in
        // A writer inside the top-level object's array: later blocks' first element takes a comma.
        var json = JSONStreamWriter.resumingArray(atDepth: 2, holdingElements: range.lowerBound > 0)
        for index in range {
          let assignment = assignments[index]
          json.element(&out)
          json.beginObject(&out)
          json.key(plain: "mentee", &out)
          JSONStreamWriter.string(assignment.mentee, &out)
          json.key(plain: "mentor", &out)
          JSONStreamWriter.string(assignment.mentor, &out)
          json.key(plain: "score", &out)
          JSONStreamWriter.number(assignment.score, &out)
          json.end(&out)
        }
      }
      // The elements went through the blocks: the array is not empty.
      json.noteElementsWrittenElsewhere()
    }
    json.end(&sink)
    if let certificate {
      json.key("certificate", &sink)
      json.beginObject(&sink)
      json.key("candidatePairs", &sink)
      JSONStreamWriter.integer(certificate.candidatePairs, &sink)
      json.key("exact", &sink)
      JSONStreamWriter.bool(certificate.exact, &sink)
      json.key("pairsChecked", &sink)
      JSONStreamWriter.integer(certificate.pairsChecked, &sink)
      json.key("resolution", &sink)
      JSONStreamWriter.number(certificate.resolution, &sink)
      json.key("violationsPerRound", &sink)
      json.beginArray(&sink)
      for count in certificate.violationsPerRound {
        json.element(&sink)
        JSONStreamWriter.integer(count, &sink)
      }
      json.end(&sink)
      json.end(&sink)
    }
    json.key("objective", &sink)
    JSONStreamWriter.number(objective, &sink)
    json.key("timings", &sink)
    json.beginObject(&sink)
    json.key("solve", &sink)
    JSONStreamWriter.number(timings.solve, &sink)
    json.end(&sink)
    json.key("unassigned", &sink)
    json.beginArray(&sink)
    for id in unassigned {
      json.element(&sink)
      JSONStreamWriter.string(id, &sink)
    }
    json.end(&sink)
    json.end(&sink)
    sink.append(0x0A)
  }

  /// Streams the report as CSV: the bytes of ``render(_:)`` with `.csv`
  /// (tested), one row at a time.
  ///
  /// - Parameter sink: Where the bytes go.
  /// - Complexity: O(size of the output).
  public func writeCSV(to sink: inout ByteSink) {
    var writer = CSVWriter()
    writer.writeRow(["mentee", "mentor", "score"])
    for a in assignments {
      writer.writeRow([.text(a.mentee), .text(a.mentor), .number(a.score)])
      if writer.text.utf8.count >= 1 << 16 {
        sink.append(writer.text)
        writer = CSVWriter()
      }
    }
    for id in unassigned {
      writer.writeRow([.text(id), .empty, .empty])
      if writer.text.utf8.count >= 1 << 16 {
        sink.append(writer.text)
        writer = CSVWriter()
      }
    }
    sink.append(writer.text)
  }
}
