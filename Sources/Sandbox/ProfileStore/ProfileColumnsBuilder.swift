import Identities
import LabCore
import PQL
import Profiles

/// Builds a ``ProfileColumnStore`` one merged profile at a time.
struct ProfileColumnsBuilder {
  private var store = ProfileColumnStore()
  private var profileFields = ColumnSet()
  private var eventFields = ColumnSet()
  private var eventStarts: [Int] = [0]
  private var eventTimes: [Int64] = []
  private var namespaceSetCodes: [[String]: UInt32] = [:]
  // Kept here rather than in `store`, whose lazily read parts copy on every change.
  private var graphIDs: [Int64] = []
  private var identityStarts: [Int64] = [0]
  private var identityIDs: [Int64] = []
  private var primaryIdentities: [Identity] = []

  /// Adds one profile: its key, graph, stored identity ids, namespace codes, merged profile and
  /// events.
  mutating func add(
    key: Int64, graphID: Int64, identityIDs: [Int64], namespaces: Set<String>,
    merged: MergedProfile, events: [JSONValue]
  ) {
    store.keys.append(key)
    graphIDs.append(graphID)
    self.identityIDs += identityIDs
    identityStarts.append(Int64(self.identityIDs.count))
    primaryIdentities.append(merged.primaryIdentity)
    let set = namespaces.sorted()
    if let code = namespaceSetCodes[set] {
      store.namespaceSetCodes.append(code)
    } else {
      let code = UInt32(store.namespaceSets.count)
      store.namespaceSets.append(set)
      namespaceSetCodes[set] = code
      store.namespaceSetCodes.append(code)
    }
    // The service owns `segmentMembership.ups`: memberships are not attributes.
    var attributes = merged.entity.objectValue ?? [:]
    if var namespaces = attributes["segmentMembership"]?.objectValue {
      namespaces["ups"] = nil
      attributes["segmentMembership"] = namespaces.isEmpty ? nil : .object(namespaces)
    }
    profileFields.addRow(attributes)
    for event in events {
      guard let time = PQLEventList.milliseconds(ofTimestampIn: event) else {
        store.isExact = false
        eventTimes.append(0)
        eventFields.addRow([:])
        continue
      }
      var fields = event.objectValue ?? [:]
      fields["timestamp"] = nil
      eventTimes.append(time)
      eventFields.addRow(fields)
    }
    eventStarts.append(eventTimes.count)
  }

  /// The store made of the profiles added.
  func build() -> ProfileColumnStore {
    var result = store
    result.graphIDs = graphIDs
    result.identityStarts = identityStarts
    result.identityIDs = identityIDs
    result.primaryIdentities = primaryIdentities
    var columns = PQLColumns(profileCount: store.keys.count)
    columns.profileColumns = profileFields.columns
    columns.eventColumns = eventFields.columns
    columns.eventStarts = eventStarts
    columns.eventTimes = eventTimes
    result.columns = columns
    return result
  }
}
