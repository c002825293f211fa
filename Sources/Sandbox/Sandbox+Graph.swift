import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles

/// An identity's graph, ready to draw: its identities, links (removed ones too) and the names
/// and times of the datasets and batches that made them.
public struct GraphPicture: Sendable, Hashable {
  /// The identity asked for.
  public var requested: Identity
  /// The graph's identities, oldest first.
  public var identities: [Identity]
  /// The links, oldest first.
  public var links: [IdentityLink]
  /// Dataset names by id.
  public var datasetNames: [String: String]
  /// Batch ingestion times by batch id.
  public var batchTimes: [String: String]
  /// The namespaces, for display names and types.
  public var registry: NamespaceRegistry
}

/// Why two identities are (or are not) in the same graph.
public struct LinkExplanation: Sendable, Hashable {
  /// The first identity.
  public var from: Identity
  /// The second identity.
  public var to: Identity
  /// The chain of active links that connects them, or `nil` when they are not connected.
  public var chain: [IdentityLink]?
  /// When not connected: a chain that used to connect them, with removed links in it.
  public var formerChain: [IdentityLink]?
  /// Dataset names by id.
  public var datasetNames: [String: String]
  /// Batch ingestion times by batch id.
  public var batchTimes: [String: String]
}

/// Why a merged profile has its value at one path, with dataset names.
public struct ValueExplanation: Sendable, Hashable {
  /// The identity asked for.
  public var requested: Identity
  /// The explanation from the merger.
  public var explanation: AttributeExplanation
  /// Dataset names by id.
  public var datasetNames: [String: String]
  /// Batch ingestion times by batch id.
  public var batchTimes: [String: String]
}

extension Sandbox {
  /// The graph of `namespace`/`id`, with every link and where it came from.
  public func graph(namespace: String, id: String) throws(SandboxError) -> GraphPicture {
    let registry = try registry()
    let rules = try identityRules()
    let requested = try identity(namespace: namespace, id: id, registry: registry)
    guard
      let graph = try storage({ () throws(PersistenceError) in
        try store.graph(of: requested, registry: registry, rules: rules, guardrails: guardrails)
      })
    else { throw .profileNotFound(requested) }
    let members = graph.cluster(containing: requested).sorted {
      (graph.firstSeen($0) ?? 0, $0) < (graph.firstSeen($1) ?? 0, $1)
    }
    let names = try originNames()
    return GraphPicture(
      requested: requested, identities: members, links: graph.links(inClusterOf: requested),
      datasetNames: names.datasets, batchTimes: names.batches, registry: registry)
  }

  /// The Identity Service's cluster members response for `namespace`/`id`.
  public func clusterMembers(namespace: String, id: String) throws(SandboxError)
    -> ClusterMembersResponse
  {
    let picture = try graph(namespace: namespace, id: id)
    return ClusterMembersResponse(clusters: [
      ClusterMembers(
        compositeXid: CompositeXid(
          namespace: picture.requested.namespace, id: picture.requested.id),
        members: picture.identities.map { CompositeXid(namespace: $0.namespace, id: $0.id) })
    ])
  }

  /// The chain of records that connects two identities, or why they are not connected.
  public func explainLink(
    namespace: String, id: String, toNamespace: String, toID: String
  ) throws(SandboxError) -> LinkExplanation {
    let registry = try registry()
    let rules = try identityRules()
    let from = try identity(namespace: namespace, id: id, registry: registry)
    let to = try identity(namespace: toNamespace, id: toID, registry: registry)
    let graph = try storage { () throws(PersistenceError) in
      try store.graph(around: [from, to], registry: registry, rules: rules, guardrails: guardrails)
    }
    guard graph.contains(from) else { throw .profileNotFound(from) }
    guard graph.contains(to) else { throw .profileNotFound(to) }
    let chain = graph.path(from: from, to: to)
    let former = chain == nil ? graph.path(from: from, to: to, includingRemoved: true) : nil
    let names = try originNames()
    return LinkExplanation(
      from: from, to: to, chain: chain, formerChain: former, datasetNames: names.datasets,
      batchTimes: names.batches)
  }

  /// Every fragment's value at `path` (dotted) in the profile of `namespace`/`id`, and which
  /// one the merge policy picks, and why.
  public func explainValue(
    namespace: String, id: String, path: String, mergePolicy: String? = nil
  ) throws(SandboxError) -> ValueExplanation {
    let data = try lookupData(
      namespace: namespace, id: id, mergePolicy: mergePolicy, profiles: true, events: false)
    let context = data.context
    let fragments = data.fragments
    guard !fragments.isEmpty else { throw .profileNotFound(context.requested) }
    let merger = ProfileMerger(registry: context.registry, rules: context.rules)
    let keys = path.split(separator: ".").map(String.init)
    let names = try originNames()
    return ValueExplanation(
      requested: context.requested,
      explanation: merger.explain(path: keys, fragments: fragments, policy: context.policy),
      datasetNames: names.datasets, batchTimes: names.batches)
  }

  /// Dataset names by id and batch times by id.
  func originNames() throws(SandboxError) -> (datasets: [String: String], batches: [String: String])
  {
    let datasets = try datasets()
    let batches = try batches()
    return (
      Dictionary(datasets.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
      Dictionary(batches.map { ($0.id, $0.ingestedAt) }, uniquingKeysWith: { a, _ in a })
    )
  }
}
