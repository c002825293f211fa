import Dispatch
import Foundation
import Identities
import LabCore
import PQL

extension ProfileColumnStore {
  /// The store as a header (format, counts, namespace sets, the columns' paths and value
  /// counts) and named parts: each array in bulk, each column's codes and distinct values
  /// apart, so a query reads only the columns it tests.
  func encoded() -> (header: Data, parts: [String: Data]) {
    var header = ByteWriter()
    header.write(Self.format)
    header.write(UInt8(isExact ? 1 : 0))
    header.write(UInt64(count))
    header.write(UInt64(columns.eventTimes.count))
    header.write(UInt64(namespaceSets.count))
    for set in namespaceSets { header.write(strings: set) }
    var parts: [String: Data] = [
      "keys": Self.raw(keys), "graphs": Self.raw(graphIDs),
      "identityStarts": Self.raw(identityStarts), "identityIDs": Self.raw(identityIDs),
      "namespaceSetCodes": Self.raw(namespaceSetCodes),
      "eventStarts": Self.raw(columns.eventStarts.map(Int64.init)),
      "eventTimes": Self.raw(columns.eventTimes),
      "primaryNamespaces": Self.strings(primaryIdentities.map(\.namespace)),
      "primaryIDs": Self.strings(primaryIdentities.map(\.id)),
    ]
    var jobs: [(name: String, kind: String, column: PQLColumns.Column)] = []
    for (kind, list) in [("p", columns.profileColumns), ("e", columns.eventColumns)] {
      header.write(UInt64(list.count))
      for (index, column) in list.enumerated() {
        header.write(strings: column.path)
        header.write(UInt64(column.valueCount))
        jobs.append(("\(kind).\(index)", kind, column))
      }
    }
    // Each column's codes and values on every core: writing each value's text is most of it.
    let (texts, work) = (valueTexts, jobs)
    let encodedColumns = [(codes: Data, values: Data)](unsafeUninitializedCapacity: work.count) {
      buffer, initialized in
      nonisolated(unsafe) let output = buffer.baseAddress
      DispatchQueue.concurrentPerform(iterations: work.count) { index in
        let (_, kind, column) = work[index]
        let values: Data
        if let known = texts[Self.textKey(kind, column.path)]?.value,
          known.count == column.valueCount
        {
          values = Self.strings(known)
        } else {
          values = Self.strings(column.values.map { $0.serialized() })
        }
        output?.advanced(by: index).initialize(to: (Self.raw(column.codes), values))
      }
      initialized = work.count
    }
    for (job, encoded) in zip(work, encodedColumns) {
      parts[job.name + ".codes"] = encoded.codes
      parts[job.name + ".values"] = encoded.values
    }
    return (Data(header.bytes), parts)
  }

  /// Opens a store from its header and the parts every query reads (keys, namespace set codes,
  /// event starts and times), or `nil` when one does not read back.
  ///
  /// Every other part is read from `parts` when first needed. A part read later that does not
  /// read back reads as empty (missing values, zeros) and is noted in ``damage``, so the
  /// caller can rebuild the store and redo its work.
  init?(header: Data, parts: some ProfileStoreParts, damage: StoreDamage = StoreDamage()) {
    var reader = ByteReader([UInt8](header))
    self.init()
    self.damage = damage
    do throws(ByteReader.Damaged) {
      guard try reader.read(UInt32.self) == Self.format else { return nil }
      isExact = try reader.read(UInt8.self) == 1
      let rows = Int(try reader.read(UInt64.self))
      let events = Int(try reader.read(UInt64.self))
      let setCount = try reader.count(width: 8)
      for _ in 0..<setCount { namespaceSets.append(try reader.readStrings()) }
      guard let keys = parts.integers(Int64.self, "keys", count: rows),
        let setCodes = parts.integers(UInt32.self, "namespaceSetCodes", count: rows),
        setCodes.allSatisfy({ Int($0) < namespaceSets.count }),
        let starts = parts.integers(Int.self, "eventStarts", count: rows + 1),
        starts.first == 0, starts.last == events,
        zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
        let times = parts.integers(Int64.self, "eventTimes", count: events)
      else { return nil }
      self.keys = keys
      namespaceSetCodes = setCodes
      var columns = PQLColumns(profileCount: rows)
      columns.eventStarts = starts
      columns.eventTimes = times
      for (kind, length) in [("p", rows), ("e", events)] {
        let count = try reader.count(width: 16)
        var list: [PQLColumns.Column] = []
        for index in 0..<count {
          let path = try reader.readStrings()
          let valueCount = Int(try reader.read(UInt64.self))
          let name = "\(kind).\(index)"
          let limit = UInt32(clamping: valueCount)
          let codes = LazyValue<[UInt32]> {
            if let codes = parts.integers(UInt32.self, "\(name).codes", count: length),
              codes.allSatisfy({ $0 == PQLColumns.Column.missing || $0 < limit })
            {
              return codes
            }
            damage.report("\(name).codes")
            return Array(repeating: PQLColumns.Column.missing, count: length)
          }
          let texts = LazyValue<[String]?> {
            parts.data("\(name).values").flatMap { ByteReader.strings(in: [UInt8]($0)) }
          }
          valueTexts[Self.textKey(kind, path)] = texts
          let values = LazyValue<[JSONValue]> {
            let values = texts.value?.compactMap { try? JSONParser.parse($0) }
            if let values, values.count == valueCount { return values }
            damage.report("\(name).values")
            return Array(repeating: .null, count: valueCount)
          }
          list.append(
            PQLColumns.Column(path: path, valueCount: valueCount, codes: codes, values: values))
        }
        if kind == "p" { columns.profileColumns = list } else { columns.eventColumns = list }
      }
      guard reader.isAtEnd else { return nil }
      self.columns = columns
      setLazyParts(
        graphIDs: LazyValue {
          if let graphs = parts.integers(Int64.self, "graphs", count: rows) {
            return graphs
          }
          damage.report("graphs")
          return Array(repeating: 0, count: rows)
        },
        identityStarts: LazyValue {
          if let starts = parts.integers(Int64.self, "identityStarts", count: rows + 1),
            starts.first == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
          {
            return starts
          }
          damage.report("identityStarts")
          return Array(repeating: 0, count: rows + 1)
        },
        identityIDs: LazyValue {
          if let ids = parts.integers(Int64.self, "identityIDs", count: nil) {
            return ids
          }
          damage.report("identityIDs")
          return []
        },
        primaryIdentities: LazyValue {
          let namespaces = parts.data("primaryNamespaces").flatMap {
            ByteReader.strings(in: [UInt8]($0))
          }
          let ids = parts.data("primaryIDs").flatMap { ByteReader.strings(in: [UInt8]($0)) }
          if let namespaces, let ids, namespaces.count == rows, ids.count == rows {
            return zip(namespaces, ids).map { Identity(namespace: $0, id: $1) }
          }
          damage.report("primaryIdentities")
          return Array(repeating: Identity(namespace: "", id: ""), count: rows)
        },
        primaryLookup: { wanted, withIDs in
          let namespaces = parts.data("primaryNamespaces").flatMap {
            ByteReader.strings(in: [UInt8]($0), at: wanted)
          }
          let ids =
            withIDs
            ? parts.data("primaryIDs").flatMap { ByteReader.strings(in: [UInt8]($0), at: wanted) }
            : Array(repeating: "", count: wanted.count)
          if let namespaces, let ids, namespaces.count == wanted.count, ids.count == wanted.count {
            return zip(namespaces, ids).map { Identity(namespace: $0, id: $1) }
          }
          damage.report("primaryIdentities")
          return Array(repeating: Identity(namespace: "", id: ""), count: wanted.count)
        })
    } catch {
      return nil
    }
  }

  /// An array of integers as its little-endian bytes.
  static func raw<T: FixedWidthInteger>(_ values: [T]) -> Data {
    var data = Data(count: values.count * MemoryLayout<T>.size)
    data.withUnsafeMutableBytes { target in
      values.map(\.littleEndian).withUnsafeBytes { target.copyMemory(from: $0) }
    }
    return data
  }

  /// A list of strings as ``ByteWriter`` writes it.
  static func strings(_ values: [String]) -> Data {
    var writer = ByteWriter()
    writer.write(strings: values)
    return Data(writer.bytes)
  }
}
