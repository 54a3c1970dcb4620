#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide allocator settings for the short, allocation-heavy runs of
/// `solve`.
enum MallocArenas {
  /// Makes every thread allocate from glibc's main arena, as
  /// `GLIBC_TUNABLES=glibc.malloc.arena_max=1` would: a worker thread's own
  /// arena grows one page at a time, each step an `mprotect` call (about 400
  /// per `solve` of 5,000 × 1,000 on two cores), while the main arena grows
  /// by `brk` with glibc's 128 KiB padding. Takes effect only before any
  /// thread has made its own arena, so it is called before the first
  /// parallel pass. Results do not depend on it.
  ///
  /// - Complexity: O(1).
  static func shareMainArena() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module leaves
      // out: looked up by name (M_ARENA_MAX is -8 there).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(nil, "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 1)
    #endif
  }
}
