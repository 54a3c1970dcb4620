import CKernels

/// Large arrays whose storage is advised for transparent huge pages before it
/// is first written (``CKernels`` `mm_advise_huge_pages`).
///
/// The sparse solve reads a few hundred megabytes at random at 100,000 ×
/// 20,000 (each settled column's rows' ordered pairs, their costs and
/// columns): with 4 KiB pages nearly every such read also misses the TLB,
/// which a virtual machine pays twice (Docs/performance.md, branch
/// `augment4`). The advice changes no value, only how the kernel maps the
/// memory, and it is given only to arrays of at least
/// ``hugePageMinimumBytes``, so small problems map and zero no more than
/// before.
extension Array where Element: BitwiseCopyable {
  /// The size from which an array is advised: below it, at most a page or
  /// two of 2 MiB would fit inside it.
  static var hugePageMinimumBytes: Int { 8 << 20 }

  /// An array of `count` elements, its storage advised for huge pages when it
  /// takes at least ``hugePageMinimumBytes``, then filled by `fill`, which
  /// must initialise every element of the buffer it is given.
  ///
  /// - Complexity: O(`count`) plus `fill`'s.
  init(hugePagesCount count: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Void) {
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      let bytes = count * MemoryLayout<Element>.stride
      if bytes >= Self.hugePageMinimumBytes, let base = buffer.baseAddress {
        mm_advise_huge_pages(base, bytes)
      }
      let elements = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      fill(elements)
      initialized = count
    }
  }

  /// `count` copies of `value`, in storage advised for huge pages as for
  /// ``init(hugePagesCount:fill:)``.
  ///
  /// - Complexity: O(`count`).
  init(hugePagesRepeating value: Element, count: Int) {
    self.init(hugePagesCount: count) { $0.initialize(repeating: value) }
  }
}
