import Foundation

/// Writes the profile store's binary encoding: little-endian integers, arrays of them in bulk,
/// and length-prefixed UTF-8 strings.
struct ByteWriter {
  /// What was written.
  private(set) var bytes: [UInt8] = []

  /// Appends one integer.
  mutating func write<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a string: its byte count, then its UTF-8.
  mutating func write(string: String) {
    let utf8 = Array(string.utf8)
    write(UInt64(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  /// Appends a list of strings.
  mutating func write(strings: [String]) {
    write(UInt64(strings.count))
    for string in strings { write(string: string) }
  }
}
