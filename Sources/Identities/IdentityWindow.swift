/// The identities of a window of records, hashed and copied out ahead of linking.
///
/// ``IdentityGraph/link(records:identities:origin:)`` fills a window with the next records'
/// identities (their hashes and value bytes, kept in one arena), warms the index's slots for
/// all of them at once, then links record by record from the window alone, without going back
/// to each `Identity` and its strings.
struct IdentityWindow: Sendable {
  /// Each identity's hash and namespace number (`UInt16.max`: a namespace the index lacks).
  private(set) var probes: [IdentityIndex.Probe] = []
  /// Each identity's position in its record's list.
  private(set) var positions: [Int32] = []
  /// Every identity's value bytes, one after the other.
  private var bytes: [UInt8] = []
  /// Where each identity's bytes end in `bytes`.
  private var ends: [Int] = []
  /// Where each record's identities end in `probes`.
  private(set) var recordEnds: [Int] = []

  /// Empties the window, keeping its storage.
  mutating func removeAll() {
    probes.removeAll(keepingCapacity: true)
    positions.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    recordEnds.removeAll(keepingCapacity: true)
  }

  /// Adds the identities of the next record, hashed by `index`.
  mutating func append(record identities: UnsafeBufferPointer<Identity>, index: IdentityIndex) {
    for position in identities.indices {
      let value = identities[position].id
      let probe = IdentityIndex.withUTF8(value) { utf8 in
        bytes.append(contentsOf: utf8)
        return index.hashed(namespace: identities[position].namespace, value: utf8)
      }
      probes.append(probe)
      positions.append(Int32(truncatingIfNeeded: position))
      ends.append(bytes.count)
    }
    recordEnds.append(probes.count)
  }

  /// Calls `body` with the value bytes of identity `item`.
  func withValue<R>(of item: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = item == 0 ? 0 : ends[item - 1]
    return bytes.withUnsafeBufferPointer {
      body(UnsafeBufferPointer(rebasing: $0[start..<ends[item]]))
    }
  }
}
