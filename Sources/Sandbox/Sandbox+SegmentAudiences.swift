import Foundation
import Identities
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Segmentation

extension Sandbox {
  /// Counts the profiles that qualify for `expression` now, and samples up to `limit` of them
  /// (the Platform's preview and estimate, computed over every profile).
  ///
  /// `mergePolicy` is a merge policy id or name (default: the default policy).
  public func previewSegment(
    expression: SegmentExpressionSource, mergePolicy: String? = nil, limit: Int = 10
  ) throws(SandboxError) -> SegmentAudience {
    let query = try segmentation { () throws(SegmentationError) in try expression.compile() }
    let policy = try self.mergePolicy(named: mergePolicy)
    let compiled = SegmentEvaluator.Compiled(
      segment: Segment(id: "", name: "", expression: expression, creationTime: 0), query: query)
    let now = Self.milliseconds(clock())
    // The namespaces of every member (for the distribution) and the whole identities of the
    // sample only.
    let (matched, sample, profileCount) = try withProfileStore(policy: policy) {
      store throws(SandboxError) in
      let flags =
        try evaluate([compiled], on: store, policy: policy, now: now).qualifies[""] ?? []
      let rows = flags.indices.filter { flags[$0] }
      return (
        store.primaryIdentities(ofRows: rows, withIDs: false),
        store.primaryIdentities(ofRows: Array(rows.prefix(max(limit, 0)))), store.count
      )
    }
    let registry = try registry()
    var byNamespace: [Int: Int] = [:]
    for primary in matched {
      if let id = registry.namespace(for: primary.namespace)?.id {
        byNamespace[id, default: 0] += 1
      }
    }
    var estimate = SegmentEstimate(estimatedSize: matched.count, state: "RESULT_READY")
    estimate.numRowsToRead = profileCount
    estimate.profilesReadSoFar = profileCount
    estimate.profilesMatchedSoFar = matched.count
    estimate.totalRows = profileCount
    estimate.standardError = 0
    estimate.confidenceInterval = "95%"
    estimate.estimatedNamespaceDistribution = byNamespace.keys.sorted().map { id in
      [
        "namespaceId": .string(String(id)),
        "profilesMatchedSoFar": .number(Double(byNamespace[id] ?? 0)),
      ]
    }
    var samples: [ProfileLookup] = []
    var results: [JSONValue] = []
    for primary in sample {
      let xid = XID.make(primary, registry: registry)
      results.append([
        xid: [
          "_href": .string("/data/core/ups/models/profile/\(xid)"),
          "endCustomerIds": [xid: ["_href": .string("/data/core/ups/models/profile/\(xid)")]],
        ]
      ])
      if let lookup = try? self.profile(
        namespace: primary.namespace, id: primary.id, mergePolicy: policy.id)
      {
        samples.append(lookup)
      }
    }
    let preview: JSONValue = [
      "results": .array(results), "state": "RESULT_READY",
      "page": ["offset": 0, "size": .number(Double(results.count))],
    ]
    return SegmentAudience(estimate: estimate, preview: preview, samples: samples)
  }

  /// Every profile that qualifies for `expression` now, with its merged entity and events:
  /// what the exercise checks compare audiences by.
  ///
  /// `mergePolicy` is a merge policy id or name (default: the default policy).
  public func audience(expression: SegmentExpressionSource, mergePolicy: String? = nil)
    throws(SandboxError) -> [AudienceMember]
  {
    try qualifying(expression: expression, mergePolicy: mergePolicy).members
  }

  /// The qualifying profiles, how many profiles were read, and the policy used.
  private func qualifying(expression: SegmentExpressionSource, mergePolicy: String?)
    throws(SandboxError) -> (members: [AudienceMember], profileCount: Int, policy: MergePolicy)
  {
    let query = try segmentation { () throws(SegmentationError) in try expression.compile() }
    let policy = try self.mergePolicy(named: mergePolicy)
    let profiles = try segmentProfiles(policy: policy)
    let stored = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(profileKeys: profiles.map(\.key))
    }
    let now = PQLDateTime(millisecondsSinceEpoch: Self.milliseconds(clock()))
    var matched: [AudienceMember] = []
    let budget = WorkBudget.current
    for profile in profiles {
      try Self.check(budget)
      let entity = SegmentMembership.apply(stored[profile.key] ?? [:], to: profile.merged.entity)
      guard query.matches(profile: entity, events: PQLEventList(profile.events), now: now) else {
        continue
      }
      matched.append(
        AudienceMember(
          primaryIdentity: profile.merged.primaryIdentity, identities: profile.merged.identities,
          entity: entity, events: profile.events))
    }
    return (matched, profiles.count, policy)
  }

  /// The merge policy `key` (an id or name), or the default policy when `nil`.
  private func mergePolicy(named key: String?) throws(SandboxError) -> MergePolicy {
    let policies = try mergePolicies()
    do {
      return try key.map { key throws(ProfileError) in try policies.policy(key) }
        ?? policies.defaultPolicy
    } catch {
      throw .mergePolicy(error)
    }
  }

  /// The same as ``previewSegment(expression:mergePolicy:limit:)`` for the stored definition
  /// `key`, under its merge policy.
  public func previewSegment(_ key: String, limit: Int = 10) throws(SandboxError)
    -> SegmentAudience
  {
    let segment = try storedSegment(key)
    return try previewSegment(
      expression: segment.expression, mergePolicy: segment.mergePolicyId, limit: limit)
  }

  /// The profiles with a membership of segment `key` (members first, then those that exited),
  /// with their identities and status.
  public func segmentMembers(_ key: String, includingExited: Bool = true) throws(SandboxError)
    -> [SegmentMember]
  {
    let segment = try storedSegment(key)
    let policy = try policy(for: segment, in: try mergePolicies())
    let memberships = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(segmentID: segment.id)
    }
    guard !memberships.isEmpty else { return [] }
    let registry = try registry()
    let graphIDs: [Int64]
    if policy.identityGraph == .pdg {
      graphIDs = memberships.keys.filter { $0 > 0 }.sorted()
    } else {
      graphIDs = try storage { () throws(PersistenceError) in try segmentStore.graphIDs() }
    }
    var members: [SegmentMember] = []
    for profile in try segmentProfiles(policy: policy, graphIDs: graphIDs) {
      guard let membership = memberships[profile.key],
        includingExited || membership.status.isMember
      else { continue }
      members.append(
        SegmentMember(
          entityId: XID.make(profile.merged.primaryIdentity, registry: registry),
          primaryIdentity: profile.merged.primaryIdentity, identities: profile.merged.identities,
          membership: membership))
    }
    return members.sorted {
      ($0.membership.status.isMember ? 0 : 1, $0.entityId)
        < ($1.membership.status.isMember ? 0 : 1, $1.entityId)
    }
  }

  /// Writes the members of segment `key` into a new profile dataset named `datasetName`.
  ///
  /// As the Platform's export job does: one merged profile per member (realized or existing),
  /// with its `segmentMembership`. Returns the ingest of that dataset. Refuses a name that an existing dataset already has.
  public func exportSegment(_ key: String, datasetName: String) throws(SandboxError)
    -> IngestReport
  {
    let segment = try storedSegment(key)
    let name = datasetName.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      throw .invalidRequest(
        "The export needs a dataset name, for example '--dataset \"Female customers\"'")
    }
    let datasets = try storage { () throws(PersistenceError) in try store.datasets() }
    if datasets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
      throw .invalidRequest(
        "A dataset named '\(name)' already exists; an export writes a new dataset. Choose another name"
      )
    }
    let policy = try policy(for: segment, in: try mergePolicies())
    let memberships = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(segmentID: segment.id)
    }
    let keys = Set(memberships.filter { $0.value.status.isMember }.keys)
    guard !keys.isEmpty else {
      // Not a usage mistake but the segment's state: a job has not run it, or none qualified.
      throw .segmentation(
        .invalidRequest(
          "The segment '\(segment.name)' has no members to export yet. Run 'aep-lab segment run \(segment.id)' first"
        ))
    }
    let profiles = try segmentProfiles(
      policy: policy, graphIDs: policy.identityGraph == .pdg ? keys.sorted() : nil
    ).filter { keys.contains($0.key) }
    var lines: [String] = []
    for profile in profiles {
      var entity = SegmentMembership.apply(
        [segment.id: memberships[profile.key]].compactMapValues { $0 }, to: profile.merged.entity)
      if case .object(var members) = entity, members["identityMap"] == nil {
        members["identityMap"] = [
          profile.merged.primaryIdentity.namespace: [
            ["id": .string(profile.merged.primaryIdentity.id), "primary": true]
          ]
        ]
        entity = .object(members)
      }
      lines.append(entity.serialized())
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let records = folder.appendingPathComponent("records.ndjson")
    let schema = folder.appendingPathComponent("schema.json")
    let schemaJSON: JSONValue = [
      "name": .string(name), "class": "profile", "identities": [],
      "description": .string("Members of the segment '\(segment.name)' (\(segment.id))"),
    ]
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: records)
      try Data(schemaJSON.serialized().utf8).write(to: schema)
    } catch {
      throw .unreadable(path: folder.path, reason: "the export could not be written (\(error))")
    }
    return try ingest(path: folder.path, datasetName: name)
  }
}
