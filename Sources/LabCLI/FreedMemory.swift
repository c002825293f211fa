/// How the process hands freed memory back to the system.
enum FreedMemory {
  /// Lets the allocator keep up to `bytes` of freed memory at the top of each heap rather than
  /// return it at once.
  ///
  /// glibc returns such memory with `madvise`, and on a multi-threaded process each call
  /// stops every core to flush its address cache: the local server, whose SQLite reads free a
  /// few pages per request, spent a third of its time there (profile lookups at 3,800 a
  /// second instead of 6,100). Elsewhere a no-op.
  ///
  /// Setting the trim threshold also fixes glibc's mmap threshold at 128 KB (it no longer
  /// grows), so every array of a profile store's part was mapped afresh, faulted in page by
  /// page and unmapped. Blocks up to `bytes` (at most 32 MB) come from the heap instead and
  /// are reused: `segment run --all` at 1M took half the page faults (30,100 to 15,100) and
  /// went from 0.24 to 0.21 s (medians of 5).
  static func keep(upTo bytes: Int) {
    #if os(Linux)
      _ = mallocOption(trimThreshold, Int32(clamping: bytes))
      _ = mallocOption(mmapThreshold, Int32(clamping: min(bytes, 32 << 20)))
    #endif
  }

  #if os(Linux)
    /// glibc's `M_TRIM_THRESHOLD` (`malloc.h`, which the Glibc module does not bring in).
    private static let trimThreshold: Int32 = -1
    /// glibc's `M_MMAP_THRESHOLD`.
    private static let mmapThreshold: Int32 = -3
  #endif
}

#if os(Linux)
  /// glibc's `mallopt(int param, int value)`.
  @_silgen_name("mallopt")
  private func mallocOption(_ parameter: Int32, _ value: Int32) -> Int32
#endif
