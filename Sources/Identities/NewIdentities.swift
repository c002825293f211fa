/// Identities first seen by an ingest, copied out of the graph so another thread can store
/// them (see ``IdentityGraph/takeNewIdentities()``).
public struct NewIdentities: Sendable {
  /// Each identity's stored id.
  public private(set) var storedIDs: [Int64] = []
  /// The graph each was in when taken.
  public private(set) var graphIDs: [Int64] = []
  /// When each was first seen.
  public private(set) var firstSeen: [Int64] = []
  private var namespaceNumbers: [UInt16] = []
  private var namespaces: [String] = []
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  /// No identities.
  public init() {}

  /// How many identities there are.
  public var count: Int { storedIDs.count }

  /// Adds `row`, copying its value.
  mutating func append(_ row: NewIdentityRow) {
    let number: Int
    if let known = namespaces.lastIndex(of: row.namespace) {
      number = known
    } else {
      namespaces.append(row.namespace)
      number = namespaces.count - 1
    }
    storedIDs.append(row.storedID)
    graphIDs.append(row.graphID)
    firstSeen.append(row.firstSeen)
    namespaceNumbers.append(UInt16(truncatingIfNeeded: number))
    bytes.append(contentsOf: row.value)
    ends.append(bytes.count)
  }

  /// Calls `body` with identity `index`, its value valid only during the call.
  public func withRow<R>(_ index: Int, _ body: (NewIdentityRow) throws -> R) rethrows -> R {
    let start = index == 0 ? 0 : ends[index - 1]
    return try bytes.withUnsafeBufferPointer { all in
      try body(
        NewIdentityRow(
          storedID: storedIDs[index], namespace: namespaces[Int(namespaceNumbers[index])],
          value: UnsafeBufferPointer(rebasing: all[start..<ends[index]]),
          firstSeen: firstSeen[index], graphID: graphIDs[index]))
    }
  }
}
