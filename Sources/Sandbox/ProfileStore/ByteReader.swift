import Foundation

/// Reads what ``ByteWriter`` wrote; every read is bounds-checked, so damaged bytes give
/// ``Damaged`` rather than a trap.
struct ByteReader {
  /// The encoding does not read back.
  struct Damaged: Error {}

  private let bytes: [UInt8]
  private var position = 0

  /// A reader at the start of `bytes`.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Whether every byte was read.
  var isAtEnd: Bool { position == bytes.count }

  /// Reads one integer.
  mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(Damaged) -> T {
    let size = MemoryLayout<T>.size
    guard bytes.count - position >= size else { throw Damaged() }
    var value = T.zero
    withUnsafeMutableBytes(of: &value) { target in
      bytes.withUnsafeBytes { source in
        target.copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[position..<position + size]))
      }
    }
    position += size
    return T(littleEndian: value)
  }

  /// Reads a count no larger than the bytes left could hold at `width` bytes each.
  mutating func count(width: Int) throws(Damaged) -> Int {
    let count = try read(UInt64.self)
    guard count <= UInt64((bytes.count - position) / max(width, 1)) else { throw Damaged() }
    return Int(count)
  }

  /// Reads a string.
  mutating func readString() throws(Damaged) -> String {
    let count = try count(width: 1)
    let text = String(decoding: bytes[position..<position + count], as: UTF8.self)
    position += count
    return text
  }

  /// The list of strings `bytes` holds, or `nil` when it does not read back whole.
  static func strings(in bytes: [UInt8]) -> [String]? {
    var reader = ByteReader(bytes)
    guard let strings = try? reader.readStrings(), reader.isAtEnd else { return nil }
    return strings
  }

  /// The strings at `indices` (ascending) of the list `bytes` holds, the others skipped
  /// without being decoded; `nil` when the list does not read back whole or an index is past
  /// its end.
  static func strings(in bytes: [UInt8], at indices: [Int]) -> [String]? {
    var reader = ByteReader(bytes)
    guard let count = try? reader.count(width: 8) else { return nil }
    var result: [String] = []
    result.reserveCapacity(indices.count)
    var wanted = indices.makeIterator()
    var next = wanted.next()
    for index in 0..<count {
      guard let length = try? reader.count(width: 1) else { return nil }
      if index == next {
        result.append(
          String(decoding: bytes[reader.position..<reader.position + length], as: UTF8.self))
        next = wanted.next()
        // The same index asked twice gets the same string.
        while next == index {
          result.append(result[result.count - 1])
          next = wanted.next()
        }
      }
      reader.position += length
    }
    guard reader.isAtEnd, next == nil else { return nil }
    return result
  }

  /// Reads a list of strings.
  mutating func readStrings() throws(Damaged) -> [String] {
    let count = try count(width: 8)
    var result: [String] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try readString()) }
    return result
  }
}
