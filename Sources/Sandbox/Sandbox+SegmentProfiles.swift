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

  /// `entity` with the stored `segmentMembership.ups` of the profile of `context` (the
  /// profile lookups' hook).
  func withSegmentMembership(_ entity: JSONValue, context: LookupContext) throws(SandboxError)
    -> JSONValue
  {
    guard let key = Self.profileKey(context) else { return entity }
    let stored = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(profileKeys: [key])
    }
    guard let memberships = stored[key], !memberships.isEmpty else { return entity }
    return SegmentMembership.apply(memberships, to: entity)
  }

  /// The profiles of the graphs `graphIDs` (every graph when `nil`) under `policy`.
  func segmentProfiles(policy: MergePolicy, graphIDs: [Int64]? = nil) throws(SandboxError)
    -> [SegmentProfile]
  {
    let registry = try registry()
    let rules = try identityRules()
    var ids = graphIDs ?? []
    if graphIDs == nil {
      ids = try storage { () throws(PersistenceError) in try segmentStore.graphIDs() }
    }
    let merger = ProfileMerger(registry: registry, rules: rules)
    var result: [SegmentProfile] = []
    for graphID in ids {
      let members = try storage { () throws(PersistenceError) in
        try store.graphMembers(graphID: graphID)
      }
      let groups = policy.identityGraph == .pdg ? [members] : members.map { [$0] }
      for group in groups where !group.isEmpty {
        let context = LookupContext(
          registry: registry, rules: rules, requested: group[0].identity, policy: policy,
          members: group)
        guard let key = Self.profileKey(context) else { continue }
        let fragments = try fragments(for: context)
        let records = try storage { () throws(PersistenceError) in
          try store.records(identityIDs: group.map(\.storedID), kind: .event)
        }.filter { context.includes(dataset: $0.datasetID) }
        guard !fragments.isEmpty || !records.isEmpty else { continue }
        let merged = merger.merge(
          fragments: fragments, identities: group.map(\.identity), policy: policy)
        let events = records.compactMap { try? JSONParser.parse($0.json) }
        result.append(SegmentProfile(key: key, merged: merged, events: events))
      }
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
