import Dispatch
import Identities
import LabCore
import PQL

extension ProfileColumnStore {
  /// The stores `pieces` as one, their rows one after the other (each piece's graphs follow
  /// the previous piece's, as the runs of a store build do).
  ///
  /// A column's values are looked up while its dictionary is short, so a gender or a city is
  /// stored once; a long one (ids, times) gets each piece's values appended. Columns are
  /// joined on every core.
  static func joined(_ pieces: [ProfileColumnStore]) -> ProfileColumnStore {
    guard pieces.count > 1 else { return pieces.first ?? ProfileColumnStore() }
    var result = ProfileColumnStore()
    result.isExact = pieces.allSatisfy(\.isExact)
    var graphIDs: [Int64] = []
    var identityIDs: [Int64] = []
    var identityStarts: [Int64] = [0]
    var primaryIdentities: [Identity] = []
    var eventStarts: [Int] = [0]
    var eventTimes: [Int64] = []
    var setCodes: [[String]: UInt32] = [:]
    for piece in pieces {
      result.keys += piece.keys
      graphIDs += piece.graphIDs
      primaryIdentities += piece.primaryIdentities
      let identityBase = Int64(identityIDs.count)
      identityIDs += piece.identityIDs
      identityStarts += piece.identityStarts.dropFirst().map { $0 + identityBase }
      let eventBase = eventTimes.count
      eventTimes += piece.columns.eventTimes
      eventStarts += piece.columns.eventStarts.dropFirst().map { $0 + eventBase }
      let sets = piece.namespaceSets.map { set -> UInt32 in
        if let code = setCodes[set] { return code }
        result.namespaceSets.append(set)
        setCodes[set] = UInt32(result.namespaceSets.count - 1)
        return UInt32(result.namespaceSets.count - 1)
      }
      result.namespaceSetCodes += piece.namespaceSetCodes.map { sets[Int($0)] }
    }
    result.graphIDs = graphIDs
    result.identityIDs = identityIDs
    result.identityStarts = identityStarts
    result.primaryIdentities = primaryIdentities
    var columns = PQLColumns(profileCount: result.keys.count)
    columns.eventStarts = eventStarts
    columns.eventTimes = eventTimes
    columns.profileColumns = joined(
      pieces.map(\.columns.profileColumns), rowCounts: pieces.map(\.count))
    columns.eventColumns = joined(
      pieces.map(\.columns.eventColumns), rowCounts: pieces.map(\.columns.eventTimes.count))
    result.columns = columns
    return result
  }

  /// The columns of `lists` (one list per piece, of `rowCounts` rows each) joined by path, in
  /// the order their paths are first seen.
  static func joined(_ lists: [[PQLColumns.Column]], rowCounts: [Int]) -> [PQLColumns.Column] {
    var paths: [[String]] = []
    var seen = Set<[String]>()
    for list in lists {
      for column in list where seen.insert(column.path).inserted { paths.append(column.path) }
    }
    let byPath = lists.map {
      Dictionary($0.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
    let total = rowCounts.reduce(0, +)
    let order = paths
    return [PQLColumns.Column](unsafeUninitializedCapacity: order.count) { buffer, initialized in
      nonisolated(unsafe) let output = buffer.baseAddress
      DispatchQueue.concurrentPerform(iterations: order.count) { index in
        let column = joined(path: order[index], byPath.map { $0[order[index]] }, rowCounts, total)
        output?.advanced(by: index).initialize(to: column)
      }
      initialized = order.count
    }
  }

  /// One column at `path` from the pieces' columns (`nil` where a piece lacks it).
  private static func joined(
    path: [String], _ pieces: [PQLColumns.Column?], _ rowCounts: [Int], _ total: Int
  ) -> PQLColumns.Column {
    let missing = PQLColumns.Column.missing
    var values: [JSONValue] = []
    var codes: [UInt32] = []
    codes.reserveCapacity(total)
    var lookup: [JSONValue: UInt32] = [:]
    var searching = true
    for (piece, rows) in zip(pieces, rowCounts) {
      guard let piece else {
        codes += repeatElement(missing, count: rows)
        continue
      }
      let pieceValues = piece.values
      if searching,
        pieceValues.count > ColumnEncoder.dictionaryLimit
          || values.count > ColumnEncoder.dictionaryLimit
      {
        searching = false
        lookup = [:]
      }
      let remap = pieceValues.map { value -> UInt32 in
        if searching, let code = lookup[value] { return code }
        values.append(value)
        if searching { lookup[value] = UInt32(values.count - 1) }
        return UInt32(values.count - 1)
      }
      codes += piece.codes.map { $0 == missing ? missing : remap[Int($0)] }
    }
    return PQLColumns.Column(path: path, values: values, codes: codes)
  }
}
