import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Segmentation

extension Sandbox {
  /// The membership key of the lookup `context`: its graph under `pdg`, its identity under
  /// `none`.
  static func profileKey(_ context: LookupContext) -> Int64? {
    guard let first = context.members.first else { return nil }
    return context.policy.identityGraph == .pdg ? first.graphID : -first.storedID
  }

  /// `entity` with the stored `segmentMembership.ups` of the profile of `context`, replacing
  /// any ingested one (the profile lookups' hook).
  func withSegmentMembership(_ entity: JSONValue, context: LookupContext) throws(SandboxError)
    -> JSONValue
  {
    guard let key = Self.profileKey(context) else { return entity }
    let stored = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(profileKeys: [key])
    }
    // The service owns `segmentMembership.ups`: values ingested in fragments (an exported
    // segment dataset, for example) never show as memberships.
    return SegmentMembership.apply(stored[key] ?? [:], to: entity)
  }

  /// The profiles of the graphs `graphIDs` (every graph when `nil`) under `policy`.
  func segmentProfiles(policy: MergePolicy, graphIDs: [Int64]? = nil) throws(SandboxError)
    -> [SegmentProfile]
  {
    var result: [SegmentProfile] = []
    try forEachSegmentProfile(policy: policy, graphIDs: graphIDs) { result.append($0) }
    return result
  }

  /// Calls `body` with each profile of the graphs `graphIDs` (every graph when `nil`, or every
  /// graph in `range`) under `policy`, reading 2,000 graphs at a time and merging them on
  /// `workers` threads (every core when `nil`).
  func forEachSegmentProfile(
    policy: MergePolicy, graphIDs: [Int64]? = nil, range: ClosedRange<Int64>? = nil,
    workers: Int? = nil, _ body: (SegmentProfile) throws(SandboxError) -> Void
  ) throws(SandboxError) {
    let registry = try registry()
    let rules = try identityRules()
    let merger = ProfileMerger(registry: registry, rules: rules)
    if let graphIDs {
      // Read by index, 2,000 graphs at a time.
      let sorted = Set(graphIDs).sorted()
      for start in stride(from: 0, to: sorted.count, by: 2_000) {
        let chunk = try storage { () throws(PersistenceError) in
          try segmentStore.graphs(ids: Array(sorted[start..<min(start + 2_000, sorted.count)]))
        }
        for profile in profiles(
          ofChunk: chunk, policy: policy, merger: merger, registry: registry, workers: workers)
        {
          try body(profile)
        }
      }
      return
    }
    // Every graph (of the range): read them all in chunks, in graph order.
    var after = range.map { $0.lowerBound == .min ? .min : $0.lowerBound - 1 } ?? .min
    let through = range?.upperBound ?? .max
    while true {
      let chunk = try storage { () throws(PersistenceError) in
        try segmentStore.graphs(after: after, through: through, limit: 2_000)
      }
      guard let last = chunk.last else { return }
      after = last.graphID
      for profile in profiles(
        ofChunk: chunk, policy: policy, merger: merger, registry: registry, workers: workers)
      {
        try body(profile)
      }
    }
  }

  /// The profiles of the graphs of `chunk` in order, parsed and merged on `workers` threads
  /// (every core when `nil`).
  func profiles(
    ofChunk chunk: [GraphRecords], policy: MergePolicy, merger: ProfileMerger,
    registry: NamespaceRegistry, workers: Int? = nil
  ) -> [SegmentProfile] {
    let workers =
      chunk.count < 64 ? 1 : max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
    let perGraph = [[SegmentProfile]](unsafeUninitializedCapacity: chunk.count) {
      buffer, initialized in
      buffer.initialize(repeating: [])
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in (chunk.count * worker / workers)..<(chunk.count * (worker + 1) / workers) {
          output[index] = profiles(
            of: chunk[index], policy: policy, merger: merger, registry: registry)
        }
      }
      initialized = chunk.count
    }
    return perGraph.flatMap { $0 }
  }

  /// The profiles of one graph under `policy`: the whole graph under `pdg`, each identity
  /// alone under `none`; profiles without records are skipped.
  func profiles(
    of graph: GraphRecords, policy: MergePolicy, merger: ProfileMerger,
    registry: NamespaceRegistry
  ) -> [SegmentProfile] {
    let groups = policy.identityGraph == .pdg ? [graph.members] : graph.members.map { [$0] }
    var result: [SegmentProfile] = []
    for group in groups where !group.isEmpty {
      let context = LookupContext(
        registry: registry, rules: merger.rules, requested: group[0].identity, policy: policy,
        members: group)
      guard let key = Self.profileKey(context) else { continue }
      let identities = Dictionary(
        group.map { ($0.storedID, $0.identity) }, uniquingKeysWith: { a, _ in a })
      let fragments = graph.profiles.compactMap { record -> ProfileFragment? in
        guard let primary = identities[record.identityID],
          let value = try? JSONParser.parse(record.json)
        else { return nil }
        return ProfileFragment(
          datasetID: record.datasetID, batchID: record.batchID, order: record.order,
          primaryIdentity: primary, identities: [primary], attributes: value)
      }
      let events = graph.events.filter {
        identities[$0.identityID] != nil && context.includes(dataset: $0.datasetID)
      }.compactMap { try? JSONParser.parse($0.json) }
      guard !fragments.isEmpty || !events.isEmpty else { continue }
      let merged = merger.merge(
        fragments: fragments, identities: group.map(\.identity), policy: policy)
      result.append(
        SegmentProfile(
          key: key, graphID: graph.graphID, identityIDs: group.map(\.storedID), merged: merged,
          events: events))
    }
    return result
  }

  /// The merge policy a segment is evaluated under.
  func policy(for segment: Segment, in policies: MergePolicySet) throws(SandboxError)
    -> MergePolicy
  {
    guard let id = segment.mergePolicyId else { return policies.defaultPolicy }
    do {
      return try policies.policy(id)
    } catch {
      throw .mergePolicy(error)
    }
  }

  /// `segments` grouped by the merge policy each is evaluated under, in first-seen order.
  func policyGroups(_ segments: [Segment]) throws(SandboxError)
    -> [(policy: MergePolicy, segments: [Segment])]
  {
    let policies = try mergePolicies()
    var groups: [(policy: MergePolicy, segments: [Segment])] = []
    for segment in segments {
      let policy = try policy(for: segment, in: policies)
      if let index = groups.firstIndex(where: { $0.policy.id == policy.id }) {
        groups[index].segments.append(segment)
      } else {
        groups.append((policy, [segment]))
      }
    }
    return groups
  }
}
