#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension BLASThreads {
  /// Ends the BLAS library's worker threads, for a process that will not
  /// multiply matrices (say, `mentor-match solve`).
  ///
  /// OpenBLAS (`libopenblas0-pthread`) starts its workers when it is loaded,
  /// before `main`, and each waits for work by calling `sched_yield` in a
  /// loop for about 2^28 processor cycles (`OPENBLAS_THREAD_TIMEOUT`, a tenth
  /// of a second here) before it sleeps: on two cores it competes with the
  /// process's own threads for all of a short run. `blas_thread_shutdown_`
  /// (the library's own fork handler) joins them; the library starts them
  /// again on its next threaded product, so a later BLAS call still works,
  /// only without the threads' start already paid. With a BLAS library
  /// without these threads (the reference BLAS) this does nothing.
  ///
  /// Call it from one thread, with no product in flight.
  ///
  /// - Returns: Whether the library's threads were ended.
  /// - Complexity: O(BLAS threads).
  @discardableResult
  public static func endIdleThreads() -> Bool {
    typealias Shutdown = @convention(c) () -> Int32
    guard let program = dlopen(nil, RTLD_NOW), let shutdown = dlsym(program, "blas_thread_shutdown_") else {
      return false
    }
    return unsafeBitCast(shutdown, to: Shutdown.self)() == 0
  }
}
