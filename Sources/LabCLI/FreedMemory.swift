/// How the process hands freed memory back to the system.
enum FreedMemory {
  /// Lets the allocator keep up to `bytes` of freed memory at the top of each heap rather than
  /// return it at once.
  ///
  /// glibc returns such memory with `madvise`, and on a multi-threaded process each call
  /// stops every core to flush its address cache: the local server, whose SQLite reads free a
  /// few pages per request, spent a third of its time there (profile lookups at 3,800 a
  /// second instead of 6,100). Elsewhere a no-op.
  static func keep(upTo bytes: Int) {
    #if os(Linux)
      _ = mallocOption(trimThreshold, Int32(clamping: bytes))
    #endif
  }

  #if os(Linux)
    /// glibc's `M_TRIM_THRESHOLD` (`malloc.h`, which the Glibc module does not bring in).
    private static let trimThreshold: Int32 = -1
  #endif
}

#if os(Linux)
  /// glibc's `mallopt(int param, int value)`.
  @_silgen_name("mallopt")
  private func mallocOption(_ parameter: Int32, _ value: Int32) -> Int32
#endif
