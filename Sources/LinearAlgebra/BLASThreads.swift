#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Control over the BLAS library's own threads.
///
/// OpenBLAS (Debian's `libopenblas0-pthread`, which serves `libblas.so.3` when
/// installed) runs each product on all cores. Callers that run products on
/// several threads of their own turn that off for the duration, so that the
/// cores are not oversubscribed. With a BLAS library that has no threads (the
/// reference BLAS), this does nothing.
public enum BLASThreads {
  private typealias SetThreads = @convention(c) (Int32) -> Void
  private typealias GetThreads = @convention(c) () -> Int32

  private static let controls: (set: SetThreads, get: GetThreads)? = {
    guard let program = dlopen(nil, RTLD_NOW),
      let set = dlsym(program, "openblas_set_num_threads"),
      let get = dlsym(program, "openblas_get_num_threads")
    else { return nil }
    return (unsafeBitCast(set, to: SetThreads.self), unsafeBitCast(get, to: GetThreads.self))
  }()

  /// Runs `body` with the BLAS library on one thread, then restores its thread
  /// count. Call it from one thread at a time, with no product in flight.
  ///
  /// - Complexity: O(1) besides `body`.
  public static func withOneThread<T>(_ body: () throws -> T) rethrows -> T {
    guard let controls else { return try body() }
    let previous = controls.get()
    controls.set(1)
    defer { controls.set(previous) }
    return try body()
  }
}
