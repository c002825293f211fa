#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel to back large tables with 2 MiB pages.
///
/// The graph's hash tables are tens of megabytes read at random; with 4 KiB pages nearly every
/// probe also misses the TLB. Where transparent huge pages are enabled in `madvise` mode, this
/// advice (given before the pages are first touched) lets the kernel map them 2 MiB at a time.
/// Elsewhere it does nothing.
enum HugePages {
  /// The huge page size.
  static let size = 2 << 20

  /// Advises huge pages for the whole 2 MiB-aligned part of `buffer`.
  static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
      let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, end - start, 14)  // MADV_HUGEPAGE
    #endif
  }

  /// Reserves room for `capacity` elements in `array`, advising huge pages for the new room
  /// before anything is written there.
  static func reserve<Element>(_ array: inout [Element], _ capacity: Int) {
    array.reserveCapacity(capacity)
    let bytes = array.capacity * MemoryLayout<Element>.stride
    guard bytes >= 2 * size else { return }
    array.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      advise(UnsafeMutableRawBufferPointer(start: base, count: bytes))
    }
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
