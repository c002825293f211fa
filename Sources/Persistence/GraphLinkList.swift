/// The links of one identity graph, as the one BLOB a `sandbox_graph_links` row holds.
///
/// One row per graph instead of one per link: an ingest writes a third as many rows, and a
/// lookup reads a graph's links in one step. The format is a version byte (1), then for each
/// link eight unsigned LEB128 numbers: its stored id, its two identities' stored ids, its
/// batch number, record line, first and last establishment order, and state.
enum GraphLinkList {
  /// One stored link.
  struct Link: Equatable {
    var storedID: Int64
    var from: Int64
    var to: Int64
    var batch: Int64
    var recordLine: Int64
    var firstOrder: Int64
    var lastOrder: Int64
    var state: Int64
  }

  /// The format version written.
  static let version: UInt8 = 1

  /// Appends the encoding of `links` to `bytes` (which should be empty).
  static func encode(_ links: some Sequence<Link>, into bytes: inout [UInt8]) {
    bytes.append(version)
    for link in links { append(link, to: &bytes) }
  }

  /// Appends one link's eight numbers to `bytes`.
  static func append(_ link: Link, to bytes: inout [UInt8]) {
    append(link.storedID, to: &bytes)
    append(link.from, to: &bytes)
    append(link.to, to: &bytes)
    append(link.batch, to: &bytes)
    append(link.recordLine, to: &bytes)
    append(link.firstOrder, to: &bytes)
    append(link.lastOrder, to: &bytes)
    append(link.state, to: &bytes)
  }

  /// Appends `number` as unsigned LEB128.
  @inline(__always)
  static func append(_ number: Int64, to bytes: inout [UInt8]) {
    var value = UInt64(bitPattern: number)
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// The links encoded in `bytes`, or `nil` when they are not a list this build can read.
  static func decode(_ bytes: [UInt8]) -> [Link]? {
    guard bytes.first == version else { return nil }
    var links: [Link] = []
    var position = 1
    var numbers = [Int64](repeating: 0, count: 8)
    while position < bytes.count {
      for field in 0..<8 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
          guard position < bytes.count, shift < 64 else { return nil }
          let byte = bytes[position]
          position += 1
          // The tenth byte holds the 64th bit only.
          guard shift < 63 || byte <= 1 else { return nil }
          value |= UInt64(byte & 0x7F) << shift
          if byte < 0x80 { break }
          shift += 7
        }
        numbers[field] = Int64(bitPattern: value)
      }
      links.append(
        Link(
          storedID: numbers[0], from: numbers[1], to: numbers[2], batch: numbers[3],
          recordLine: numbers[4], firstOrder: numbers[5], lastOrder: numbers[6],
          state: numbers[7]))
    }
    return links
  }
}
