import Identities
import LabCore

/// Unites profile fragments into one profile under a merge policy.
///
/// Conflicts are resolved per leaf attribute path: fragments are ranked by the policy
/// (``rank(_:policy:)``) and laid over each other from lowest to highest precedence, so for each
/// leaf the highest-ranked fragment that has a value wins. Objects merge key by key; an array is
/// one value (the winner's array replaces the others); `null` counts as no value. `identityMap`
/// is the union of every fragment's map and of the profile's identities, by namespace, without
/// repeats, with `primary: true` only on the profile's primary identity.
///
/// For example:
///
/// ```swift
/// let merger = ProfileMerger(registry: NamespaceRegistry())
/// let profile = merger.merge(fragments: fragments, identities: graph, policy: .builtInDefault)
/// ```
public struct ProfileMerger: Sendable {
  /// The namespaces, to match identityMap keys case-insensitively.
  public var registry: NamespaceRegistry
  /// The linking rules whose priority picks the primary identity.
  public var rules: IdentityLinkingRules?

  /// Creates a merger.
  public init(registry: NamespaceRegistry, rules: IdentityLinkingRules? = nil) {
    self.registry = registry
    self.rules = rules
  }

  /// The fragments that take part under `policy`, lowest precedence first.
  ///
  /// timestampOrdered: by ingestion order (ties by dataset id), so the latest comes last.
  /// dataSetPrecedence: unlisted datasets are dropped; the first listed dataset comes last,
  /// and within one dataset the latest fragment comes last.
  public func rank(_ fragments: [ProfileFragment], policy: MergePolicy) -> [ProfileFragment] {
    switch policy.attributeMerge {
    case .timestampOrdered:
      return fragments.sorted { ($0.order, $0.datasetID) < ($1.order, $1.datasetID) }
    case .dataSetPrecedence(let order):
      let position = Dictionary(
        order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      return fragments.filter { position[$0.datasetID] != nil }.sorted {
        let left = position[$0.datasetID] ?? .max
        let right = position[$1.datasetID] ?? .max
        return left != right ? left > right : $0.order < $1.order
      }
    }
  }

  /// The profile's primary identity: the highest namespace priority, then the earliest in
  /// `identities` (pass them oldest first).
  public func primaryIdentity(of identities: [Identity]) -> Identity? {
    var best: (identity: Identity, rank: Int)?
    for identity in identities {
      let rank = registry.priorityRank(of: identity.namespace, rules: rules)
      if best == nil || rank < best?.rank ?? .max { best = (identity, rank) }
    }
    return best?.identity
  }

  /// Merges `fragments` into one profile of `identities` (oldest first) under `policy`.
  public func merge(
    fragments: [ProfileFragment], identities: [Identity], policy: MergePolicy
  ) -> MergedProfile {
    let ranked = rank(fragments, policy: policy)
    var members: [String: JSONValue] = [:]
    for fragment in ranked {
      if case .object(let top) = fragment.attributes { Self.overlay(&members, top) }
    }
    let primary =
      primaryIdentity(of: identities) ?? fragments.first?.primaryIdentity
      ?? Identity(namespace: "", id: "")
    let map = identityMap(ranked: ranked, identities: identities, primary: primary)
    if case .object(let entries) = map, !entries.isEmpty { members["identityMap"] = map }
    return MergedProfile(
      entity: .object(members), primaryIdentity: primary, identities: identities,
      sources: Set(ranked.map(\.datasetID)).sorted(), batches: Set(ranked.map(\.batchID)).sorted(),
      lastModified: ranked.map(\.order).max(), fragmentCount: ranked.count)
  }

  /// Lays `top` over `base`: objects merge key by key, anything else replaces, `null` is skipped.
  static func overlay(_ base: inout [String: JSONValue], _ top: [String: JSONValue]) {
    for (key, value) in top where key != "identityMap" {
      switch value {
      case .null: continue
      case .object(let topMembers):
        if case .object(var baseMembers)? = base[key] {
          overlay(&baseMembers, topMembers)
          base[key] = .object(baseMembers)
        } else {
          var fresh: [String: JSONValue] = [:]
          overlay(&fresh, topMembers)
          base[key] = .object(fresh)
        }
      default: base[key] = value
      }
    }
  }

  func identityMap(ranked: [ProfileFragment], identities: [Identity], primary: Identity)
    -> JSONValue
  {
    var entries: [String: [String: [String: JSONValue]]] = [:]
    for fragment in ranked {
      guard case .object(let map)? = fragment.attributes["identityMap"] else { continue }
      for (key, list) in map {
        let namespace = registry.namespace(for: key)?.code ?? key
        for case .object(var entry) in list.arrayValue ?? [] {
          guard let id = entry["id"]?.stringValue else { continue }
          entry["primary"] = nil
          entries[namespace, default: [:]][id] = entry
        }
      }
    }
    for identity in identities where entries[identity.namespace]?[identity.id] == nil {
      entries[identity.namespace, default: [:]][identity.id] = ["id": .string(identity.id)]
    }
    entries[primary.namespace]?[primary.id]?["primary"] = true
    return .object(
      entries.mapValues { byID in
        .array(byID.keys.sorted().compactMap { byID[$0].map(JSONValue.object) })
      })
  }

  /// Every fragment's value at `path` and which one the policy picks, for `explain value`.
  public func explain(
    path: [String], fragments: [ProfileFragment], policy: MergePolicy
  ) -> AttributeExplanation {
    let ranked = rank(fragments, policy: policy)
    let included = Set(ranked.map { FragmentKey($0) })
    var candidates: [AttributeExplanation.Candidate] = ranked.reversed().enumerated().map {
      index, fragment in
      AttributeExplanation.Candidate(
        fragment: fragment, value: Self.value(at: path, in: fragment.attributes),
        precedence: index + 1)
    }
    let excluded = fragments.filter { !included.contains(FragmentKey($0)) }.sorted {
      ($0.order, $0.datasetID) < ($1.order, $1.datasetID)
    }
    candidates += excluded.map {
      AttributeExplanation.Candidate(
        fragment: $0, value: Self.value(at: path, in: $0.attributes), precedence: nil)
    }
    let winner = candidates.firstIndex { $0.precedence != nil && $0.value != nil }
    return AttributeExplanation(path: path, policy: policy, candidates: candidates, winner: winner)
  }

  static func value(at path: [String], in record: JSONValue) -> JSONValue? {
    guard let value = record[path: path], !value.isNull else { return nil }
    return value
  }
}

private struct FragmentKey: Hashable {
  let dataset: String
  let order: Int64
  let identity: Identity

  init(_ fragment: ProfileFragment) {
    dataset = fragment.datasetID
    order = fragment.order
    identity = fragment.primaryIdentity
  }
}
