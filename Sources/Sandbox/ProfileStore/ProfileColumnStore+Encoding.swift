import Foundation
import Identities
import LabCore
import PQL

extension ProfileColumnStore {
  /// The store as bytes: the format, then each array in bulk and each column's distinct values
  /// as JSON text.
  func encoded() -> Data {
    var writer = ByteWriter()
    writer.write(Self.format)
    writer.write(UInt8(isExact ? 1 : 0))
    writer.write(array: keys)
    writer.write(array: graphIDs)
    writer.write(array: identityStarts)
    writer.write(array: identityIDs)
    writer.write(strings: primaryIdentities.map(\.namespace))
    writer.write(strings: primaryIdentities.map(\.id))
    writer.write(UInt64(namespaceSets.count))
    for set in namespaceSets { writer.write(strings: set) }
    writer.write(array: namespaceSetCodes)
    Self.write(columns.profileColumns, to: &writer)
    writer.write(array: columns.eventStarts.map(Int64.init))
    writer.write(array: columns.eventTimes)
    Self.write(columns.eventColumns, to: &writer)
    return Data(writer.bytes)
  }

  /// Reads what ``encoded()`` wrote; `nil` when the bytes are of another format, damaged or
  /// inconsistent.
  init?(decoding data: Data) {
    var reader = ByteReader([UInt8](data))
    do throws(ByteReader.Damaged) {
      guard try reader.read(UInt32.self) == Self.format else { return nil }
      self.init()
      isExact = try reader.read(UInt8.self) == 1
      keys = try reader.readArray()
      graphIDs = try reader.readArray()
      identityStarts = try reader.readArray()
      identityIDs = try reader.readArray()
      let namespaces = try reader.readStrings()
      let ids = try reader.readStrings()
      guard namespaces.count == ids.count else { return nil }
      primaryIdentities = zip(namespaces, ids).map { Identity(namespace: $0, id: $1) }
      let setCount = try reader.count(width: 8)
      namespaceSets = []
      for _ in 0..<setCount { namespaceSets.append(try reader.readStrings()) }
      namespaceSetCodes = try reader.readArray()
      let rows = keys.count
      var columns = PQLColumns(profileCount: rows)
      guard let profileColumns = try Self.readColumns(&reader, rows: rows) else { return nil }
      columns.profileColumns = profileColumns
      columns.eventStarts = try reader.readArray(Int64.self).map { Int($0) }
      columns.eventTimes = try reader.readArray()
      let events = columns.eventTimes.count
      guard let eventColumns = try Self.readColumns(&reader, rows: events) else { return nil }
      columns.eventColumns = eventColumns
      self.columns = columns
      guard reader.isAtEnd else { return nil }
    } catch {
      return nil
    }
    guard isConsistent else { return nil }
  }

  /// Whether every array has the length and bounds the rows give it, so no read can trap.
  var isConsistent: Bool {
    let rows = keys.count
    guard graphIDs.count == rows, primaryIdentities.count == rows,
      namespaceSetCodes.count == rows, identityStarts.count == rows + 1,
      identityStarts.first == 0, identityStarts.last == Int64(identityIDs.count),
      zip(identityStarts, identityStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
      namespaceSetCodes.allSatisfy({ Int($0) < namespaceSets.count }),
      columns.profileCount == rows, columns.eventStarts.count == rows + 1,
      columns.eventStarts.first == 0, columns.eventStarts.last == columns.eventTimes.count,
      zip(columns.eventStarts, columns.eventStarts.dropFirst()).allSatisfy({ $0 <= $1 })
    else { return false }
    func valid(_ column: PQLColumns.Column, rows: Int) -> Bool {
      let limit = UInt32(clamping: column.valueCount)
      return column.codes.count == rows
        && column.codes.allSatisfy { $0 == PQLColumns.Column.missing || $0 < limit }
    }
    return columns.profileColumns.allSatisfy { valid($0, rows: rows) }
      && columns.eventColumns.allSatisfy { valid($0, rows: columns.eventTimes.count) }
  }

  private static func write(_ columns: [PQLColumns.Column], to writer: inout ByteWriter) {
    writer.write(UInt64(columns.count))
    for column in columns {
      writer.write(strings: column.path)
      writer.write(strings: column.values.map { $0.serialized() })
      writer.write(array: column.codes)
    }
  }

  /// Reads columns; their values are decoded on first use (see ``PQLColumns/Column``).
  private static func readColumns(_ reader: inout ByteReader, rows: Int) throws(ByteReader.Damaged)
    -> [PQLColumns.Column]?
  {
    let count = try reader.count(width: 8)
    var result: [PQLColumns.Column] = []
    for _ in 0..<count {
      let path = try reader.readStrings()
      let (start, valueCount) = try reader.skipStrings()
      let bytes = reader.bytes
      result.append(
        PQLColumns.Column(
          path: path, valueCount: valueCount, codes: try reader.readArray(),
          decode: {
            ByteReader.strings(in: bytes, at: start, count: valueCount)?.compactMap {
              try? JSONParser.parse($0)
            } ?? []
          }))
    }
    return result
  }
}
