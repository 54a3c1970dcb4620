/// Which texts the JSON writers can copy between quotes as they are.
enum JSONEscapes {
  /// Whether no byte of `bytes` needs an escape: no C0 control, `"` or `\`
  /// (what ``JSONStreamWriter/string(_:_:)`` escapes), and, when `visible`,
  /// no DEL and no `0xC2` (the lead byte of the C1 controls, which
  /// ``JSONStreamWriter/visibleString(_:_:)`` escapes too; other characters
  /// it leads are sent to the careful path, which copies them).
  ///
  /// - Complexity: O(`bytes.count`), eight bytes per step.
  @inline(__always)
  static func plain(_ bytes: UnsafeBufferPointer<UInt8>, visible: Bool) -> Bool {
    if visible {
      return ByteScan.none(below: 0x20, orEqualTo: (0x22, 0x5C, 0x7F, 0xC2), in: bytes)
    }
    return ByteScan.none(below: 0x20, orEqualTo: (0x22, 0x5C, 0x5C, 0x5C), in: bytes)
  }
}
