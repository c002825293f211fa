import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles

extension Sandbox {
  /// The merged profile of `namespace`/`id`, as `GET /access/entities` returns it.
  ///
  /// Under a `pdg` policy every identity of the graph returns the same entity (same id, same
  /// content). Reads only the identity's graph, never the whole sandbox.
  ///
  /// `mergePolicy` is a merge policy id or name (default: the default policy); `fields` lists
  /// the dotted paths to keep in `entity` (default: all). Throws
  /// ``SandboxError/profileNotFound(_:)`` when no profile has the identity, and
  /// ``SandboxError/tooManyRelatedIdentities(_:count:limit:)`` when its graph is larger than
  /// ``lookupIdentityLimit`` (the Platform's 422).
  public func profile(
    namespace: String, id: String, mergePolicy: String? = nil, fields: [String] = []
  ) throws(SandboxError) -> ProfileLookup {
    let context = try lookupContext(namespace: namespace, id: id, mergePolicy: mergePolicy)
    let fragments = try fragments(for: context)
    let events = try storage { () throws(PersistenceError) in
      try store.records(identityIDs: context.members.map(\.storedID), kind: .event)
    }.filter { context.includes(dataset: $0.datasetID) }
    guard !fragments.isEmpty || !events.isEmpty else { throw .profileNotFound(context.requested) }
    let merger = ProfileMerger(registry: context.registry, rules: context.rules)
    var merged = merger.merge(
      fragments: fragments, identities: context.members.map(\.identity), policy: context.policy)
    merged.entity = try withSegmentMembership(merged.entity, context: context)  // segmentation
    let entityID: String
    if context.policy.identityGraph == .pdg {
      entityID = XID.make(merged.primaryIdentity, registry: context.registry)
    } else {
      entityID = XID.make(context.requested, registry: context.registry)
    }
    let times = try batchTimes()
    let latest = max(merged.lastModified ?? 0, events.map(\.order).max() ?? 0)
    let entity = ProfileEntity(
      entityId: entityID, entity: merged.entity.projected(fields: fields),
      identityGraph: context.members.map { XID.make($0.identity, registry: context.registry) },
      sources: merged.sources.isEmpty
        ? Array(Set(events.map(\.datasetID))).sorted() : merged.sources,
      tags: merged.batches.isEmpty ? nil : merged.batches,
      mergePolicy: MergePolicyReference(id: context.policy.id),
      lastModifiedAt: times[LinkOrigin.batchNumber(of: latest)] ?? "1970-01-01T00:00:00Z")
    return ProfileLookup(
      requested: context.requested, response: [entityID: entity], profile: merged,
      policy: context.policy, eventCount: events.count)
  }

  /// The experience events of `namespace`/`id`'s profile (every identity of its graph under
  /// `pdg`), as the events form of `GET /access/entities` returns them.
  ///
  /// `start` is the `_id` to start at (from a previous page's `_page.next`).
  public func events(
    namespace: String, id: String, mergePolicy: String? = nil,
    selection: EventSelection = EventSelection(),
    start: String? = nil, fields: [String] = []
  ) throws(SandboxError) -> EventsLookup {
    let context = try lookupContext(namespace: namespace, id: id, mergePolicy: mergePolicy)
    let byID = Dictionary(
      context.members.map { ($0.storedID, $0.identity) }, uniquingKeysWith: { a, _ in a })
    let stored = try storage { () throws(PersistenceError) in
      try store.records(identityIDs: context.members.map(\.storedID), kind: .event)
    }.filter { context.includes(dataset: $0.datasetID) }
    var events: [ExperienceEvent] = []
    for record in stored {
      guard let entity = try? JSONParser.parse(record.json) else { continue }
      events.append(
        ExperienceEvent(
          id: record.eventID ?? "", timestamp: record.eventTime ?? 0, datasetID: record.datasetID,
          batchID: record.batchID, order: record.order,
          primaryIdentity: byID[record.identityID] ?? context.requested, entity: entity))
    }
    var ordered = EventSelection(
      newestFirst: selection.newestFirst, startTime: selection.startTime,
      endTime: selection.endTime,
      limit: .max
    ).apply(to: events).events
    if let start, let index = ordered.firstIndex(where: { $0.id == start }) {
      ordered.removeFirst(index)
    }
    let page = Array(ordered.prefix(max(selection.limit, 0)))
    let next = ordered.count > page.count ? ordered[page.count].id : ""
    let times = try batchTimes()
    let orderby = selection.newestFirst ? "-timestamp" : "timestamp"
    var href = ""
    if !next.isEmpty {
      href =
        "/entities?start=\(Self.percentEncoded(next))&orderby=\(selection.newestFirst ? "-" : "%2B")timestamp"
        + "&schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile"
        + "&relatedEntityId=\(Self.percentEncoded(context.requested.id))"
        + "&relatedEntityIdNS=\(Self.percentEncoded(context.requested.namespace))&limit=\(selection.limit)"
    }
    let children = page.map { event in
      ExperienceEventEntity(
        relatedEntityId: XID.make(event.primaryIdentity, registry: context.registry),
        entityId: event.id, timestamp: event.timestamp, sourceId: event.datasetID,
        entity: event.entity.projected(fields: fields),
        lastModifiedAt: times[LinkOrigin.batchNumber(of: event.order)] ?? "1970-01-01T00:00:00Z")
    }
    let response = ExperienceEventsResponse(
      page: EventsPage(
        orderby: orderby, start: page.first?.id ?? "", count: page.count, next: next),
      children: children, links: PageLinks(next: HrefLink(href: href)))
    return EventsLookup(
      requested: context.requested, response: response,
      identities: Dictionary(
        page.map { ($0.id, $0.primaryIdentity) }, uniquingKeysWith: { a, _ in a }))
  }

  static func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  /// Ingestion times by batch number.
  func batchTimes() throws(SandboxError) -> [Int: String] {
    let batches = try storage { () throws(PersistenceError) in try store.batches() }
    return Dictionary(batches.map { ($0.number, $0.ingestedAt) }, uniquingKeysWith: { a, _ in a })
  }

  /// The fragments a lookup merges.
  func fragments(for context: LookupContext) throws(SandboxError) -> [ProfileFragment] {
    let byID = Dictionary(
      context.members.map { ($0.storedID, $0.identity) }, uniquingKeysWith: { a, _ in a })
    let stored = try storage { () throws(PersistenceError) in
      try store.records(identityIDs: context.members.map(\.storedID), kind: .profile)
    }
    return stored.compactMap { record in
      guard let value = try? JSONParser.parse(record.json), let primary = byID[record.identityID]
      else {
        return nil
      }
      return ProfileFragment(
        datasetID: record.datasetID, batchID: record.batchID, order: record.order,
        primaryIdentity: primary, identities: [primary], attributes: value)
    }
  }

  /// Resolves the identity, the policy and the identities a lookup covers.
  func lookupContext(namespace: String, id: String, mergePolicy: String?) throws(SandboxError)
    -> LookupContext
  {
    let registry = try registry()
    let rules = try identityRules()
    let requested = try identity(namespace: namespace, id: id, registry: registry)
    let policies = try mergePolicies()
    let policy: MergePolicy
    if let mergePolicy {
      do {
        policy = try policies.policy(mergePolicy)
      } catch {
        throw .mergePolicy(error)
      }
    } else {
      policy = policies.defaultPolicy
    }
    guard let stored = try storage({ () throws(PersistenceError) in try store.identity(requested) })
    else {
      throw .profileNotFound(requested)
    }
    var members = [stored]
    if policy.identityGraph == .pdg {
      members = try storage { () throws(PersistenceError) in
        try store.graphMembers(graphID: stored.graphID)
      }
      if members.count > lookupIdentityLimit {
        throw .tooManyRelatedIdentities(requested, count: members.count, limit: lookupIdentityLimit)
      }
    }
    return LookupContext(
      registry: registry, rules: rules, requested: requested, policy: policy, members: members)
  }
}

/// What a lookup needs: namespaces, rules, the identity, the policy and the graph's members.
struct LookupContext {
  var registry: NamespaceRegistry
  var rules: IdentityLinkingRules?
  var requested: Identity
  var policy: MergePolicy
  var members: [StoredIdentity]

  /// Whether events of `dataset` count: all datasets, or only the listed ones under
  /// dataSetPrecedence.
  func includes(dataset: String) -> Bool {
    guard let order = policy.attributeMerge.order else { return true }
    return order.contains(dataset)
  }
}
