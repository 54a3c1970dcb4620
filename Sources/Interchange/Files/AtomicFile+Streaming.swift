extension AtomicFile {
  /// Writes to `path`, as described in ``AtomicFile`` (a temporary file
  /// renamed over the target, never a partial file), the bytes `produce`
  /// appends to its sink, streamed to the file a megabyte at a time rather
  /// than held whole in memory.
  ///
  /// ```swift
  /// try AtomicFile.write(to: "plan.json") { sink in report.writeJSON(to: &sink) }
  /// ```
  ///
  /// - Parameters:
  ///   - path: The target; its folder must exist.
  ///   - produce: Appends the complete new content.
  /// - Throws: ``OutputError`` naming `path` and the reason.
  /// - Complexity: O(bytes produced), with O(1) MB of buffer.
  public static func write(to path: String, streaming produce: (inout ByteSink) -> Void) throws(OutputError) {
    try write(to: path) { descriptor in
      var sink = ByteSink(descriptor: descriptor)
      produce(&sink)
      return sink.finish()
    }
  }

  /// Writes the bytes `produce` appends to its sink to standard output,
  /// a megabyte at a time.
  ///
  /// - Parameter produce: Appends the content.
  /// - Throws: ``OutputError`` for the path `standard output`.
  /// - Complexity: O(bytes produced).
  public static func writeStandardOutput(streaming produce: (inout ByteSink) -> Void) throws(OutputError) {
    var sink = ByteSink(descriptor: 1)
    produce(&sink)
    if let failure = sink.finish() { throw OutputError(path: "standard output", reason: failure) }
  }
}
