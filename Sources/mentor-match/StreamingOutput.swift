import Interchange

/// Streams what `produce` writes to `path` like ``emit(_:to:)-(Data,_)``:
/// through a temporary file renamed over the target (a FIFO or device
/// directly), or to standard output when `path` is `nil` or `-`.
func emit(to path: String?, _ produce: (inout ByteSink) -> Void) throws {
  if let path, path != "-" {
    try AtomicFile.write(to: path, streaming: produce)
  } else {
    try AtomicFile.writeStandardOutput(streaming: produce)
  }
}
