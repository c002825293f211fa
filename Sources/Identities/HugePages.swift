#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel to back large tables with 2 MiB pages.
///
/// The identity table is tens of megabytes read at random; with 4 KiB pages nearly every probe
/// also misses the TLB. Where transparent huge pages are enabled in `madvise` mode, this advice
/// (given before the pages are first touched) lets the kernel map them 2 MiB at a time.
/// Elsewhere it does nothing.
///
/// Only tables read at random are worth it: arrays that grow at their end gain little, and when
/// memory is fragmented (after parsing a big batch) the kernel compacts it to find 2 MiB pages,
/// which cost an ingest of a million records 0.3 s when every big array asked for them.
enum HugePages {
  /// The huge page size.
  static let size = 2 << 20

  /// Advises huge pages for the whole 2 MiB-aligned part of `buffer`.
  static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    #if canImport(Glibc)
      guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
      let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, end - start, 14)  // MADV_HUGEPAGE
    #endif
  }

  /// An array of `count` copies of `value`, advised for huge pages before it is filled.
  static func array<Element>(repeating value: Element, count: Int) -> [Element] {
    [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      advise(UnsafeMutableRawBufferPointer(buffer))
      buffer.initialize(repeating: value)
      initialized = count
    }
  }
}
