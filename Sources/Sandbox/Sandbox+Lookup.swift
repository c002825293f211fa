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
    let data = try lookupData(
      namespace: namespace, id: id, mergePolicy: mergePolicy, profiles: true, events: true)
    let context = data.context
    let fragments = data.fragments
    let events = data.events
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
    let times = data.batchTimes
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
    let data = try lookupData(
      namespace: namespace, id: id, mergePolicy: mergePolicy, profiles: false, events: true)
    let context = data.context
    let byID = Dictionary(
      context.members.map { ($0.storedID, $0.identity) }, uniquingKeysWith: { a, _ in a })
    let stored = data.events
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
    let times = data.batchTimes
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

  /// The fragments a lookup context merges (its members' profile records).
  func fragments(for context: LookupContext) throws(SandboxError) -> [ProfileFragment] {
    let records = try storage { () throws(PersistenceError) in
      try store.records(identityIDs: context.members.map(\.storedID), kind: .profile)
    }
    return Self.fragments(records, context: context)
  }

  /// Events ingested more than once (same dataset, same `_id`) count once: the latest wins.
  static func latestPerEvent(_ records: [StoredRecord]) -> [StoredRecord] {
    var latest: [String: StoredRecord] = [:]
    var unnamed: [StoredRecord] = []
    for record in records {
      guard let id = record.eventID else {
        unnamed.append(record)
        continue
      }
      let key = record.datasetID + "\u{1F}" + id
      if let existing = latest[key], existing.order > record.order { continue }
      latest[key] = record
    }
    return (Array(latest.values) + unnamed).sorted { $0.order < $1.order }
  }

  /// The fragments of `records` (profile records of the lookup's identities).
  static func fragments(_ records: [StoredRecord], context: LookupContext) -> [ProfileFragment] {
    let byID = Dictionary(
      context.members.map { ($0.storedID, $0.identity) }, uniquingKeysWith: { a, _ in a })
    return records.compactMap { record in
      guard let value = try? JSONParser.parse(record.json), let primary = byID[record.identityID]
      else { return nil }
      return ProfileFragment(
        datasetID: record.datasetID, batchID: record.batchID, order: record.order,
        primaryIdentity: primary, identities: [primary], attributes: value)
    }
  }

  /// Resolves the identity, the policy and the identities a lookup covers, and reads their
  /// records and the batch times, all in one read transaction.
  func lookupData(
    namespace: String, id: String, mergePolicy: String?, profiles: Bool, events: Bool
  ) throws(SandboxError) -> LookupData {
    let limit = lookupIdentityLimit
    let result = try storage { () throws(PersistenceError) in
      try store.read { reader -> Result<LookupData, SandboxError> in
        let registry = NamespaceRegistry(custom: try reader.customNamespaces())
        let rules = try reader.identityRules()
        guard let found = registry.namespace(for: namespace) else {
          return .failure(.unknownNamespace(namespace, known: registry.codes))
        }
        let requested = Identity(namespace: found.code, id: id)
        let policies = try reader.mergePolicies()
        let policy: MergePolicy
        if let mergePolicy {
          switch Result(catching: { () throws(ProfileError) in try policies.policy(mergePolicy) }) {
          case .success(let found): policy = found
          case .failure(let error): return .failure(.mergePolicy(error))
          }
        } else {
          policy = policies.defaultPolicy
        }
        guard let stored = try reader.identity(requested) else {
          return .failure(.profileNotFound(requested))
        }
        var members = [stored]
        if policy.identityGraph == .pdg {
          members = try reader.graphMembers(graphID: stored.graphID)
          if members.count > limit {
            return .failure(
              .tooManyRelatedIdentities(requested, count: members.count, limit: limit))
          }
        }
        let context = LookupContext(
          registry: registry, rules: rules, requested: requested, policy: policy, members: members)
        let ids = members.map(\.storedID)
        let profileRecords = profiles ? try reader.records(identityIDs: ids, kind: .profile) : []
        let eventRecords =
          events
          ? Self.latestPerEvent(
            try reader.records(identityIDs: ids, kind: .event).filter {
              context.includes(dataset: $0.datasetID)
            })
          : []
        let times = Dictionary(
          try reader.batches().map { ($0.number, $0.ingestedAt) }, uniquingKeysWith: { a, _ in a })
        return .success(
          LookupData(
            context: context, fragments: Self.fragments(profileRecords, context: context),
            events: eventRecords, batchTimes: times))
      }
    }
    return try result.get()
  }
}

/// What a lookup read: its context, fragments, event records and batch times.
struct LookupData {
  var context: LookupContext
  var fragments: [ProfileFragment]
  var events: [StoredRecord]
  var batchTimes: [Int: String]
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
  func includes(dataset: String) -> Bool { policy.includesEvents(ofDataset: dataset) }
}
