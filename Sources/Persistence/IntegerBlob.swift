import Foundation
import GRDB
import GRDBSQLite

/// Reads a BLOB of little-endian integers through SQLite's incremental I/O straight into an
/// array: one copy of its megabytes, where a fetched `Data` and then an array make three (and
/// each copy into fresh memory pays its page faults).
enum IntegerBlob {
  /// The integers of `column` in row `rowID` of `table`, or `nil` when the row is gone or its
  /// size is not a whole number of `T`.
  static func read<T: FixedWidthInteger>(
    _: T.Type, table: String, column: String, rowID: Int64, db: Database
  ) -> [T]? {
    var handle: OpaquePointer?
    guard
      sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowID, 0, &handle)
        == SQLITE_OK, let handle
    else {
      sqlite3_blob_close(handle)
      return nil
    }
    defer { sqlite3_blob_close(handle) }
    let bytes = Int(sqlite3_blob_bytes(handle))
    let size = MemoryLayout<T>.size
    guard bytes % size == 0 else { return nil }
    var read = true
    let values = [T](unsafeUninitializedCapacity: bytes / size) { buffer, initialized in
      if bytes > 0 {
        hugePages(UnsafeMutableRawPointer(buffer.baseAddress), bytes: bytes)
        read = sqlite3_blob_read(handle, buffer.baseAddress, Int32(bytes), 0) == SQLITE_OK
      }
      initialized = read ? buffer.count : 0
    }
    guard read else { return nil }
    #if _endian(little)
      return values
    #else
      return values.map { T(littleEndian: $0) }
    #endif
  }

  /// Asks the kernel for 2 MB pages under the whole 2 MB blocks of a fresh buffer, before
  /// anything touches it: a part of megabytes then faults in a few pages instead of
  /// thousands (Linux with transparent huge pages on `madvise`; elsewhere nothing happens).
  static func hugePages(_ start: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux)
      guard let start, bytes >= 4 << 20 else { return }
      let block = 2 << 20
      let first = (Int(bitPattern: start) + block - 1) / block * block
      let end = (Int(bitPattern: start) + bytes) / block * block
      guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
  }
}
