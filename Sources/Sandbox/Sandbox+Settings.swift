import Foundation
import Identities
import Persistence
import PlatformAPI
import Profiles

extension Sandbox {
  // MARK: - Datasets

  /// Every dataset with its record and batch counts.
  public func datasets() throws(SandboxError) -> [StoredDataset] {
    try storage { () throws(PersistenceError) in try store.datasets() }
  }

  /// Every batch, in ingestion order.
  public func batches() throws(SandboxError) -> [StoredBatch] {
    try storage { () throws(PersistenceError) in try store.batches() }
  }

  /// The dataset named or identified by `key` (ignoring case).
  func dataset(_ key: String, in datasets: [StoredDataset]) throws(SandboxError) -> StoredDataset {
    if let found = datasets.first(where: {
      $0.id == key || $0.name.lowercased() == key.lowercased()
    }) {
      return found
    }
    let near = datasets.filter { $0.name.lowercased().contains(key.lowercased()) }
    if near.count == 1, let only = near.first { return only }
    throw .unknownDataset(key, known: datasets.map(\.name))
  }

  // MARK: - Namespaces

  /// Creates a custom namespace and returns it.
  ///
  /// Throws ``SandboxError/identity(_:)`` for a duplicate or unusable code, and
  /// ``SandboxError/invalidRequest(_:)`` for an unknown type.
  @discardableResult
  public func createNamespace(code: String, name: String, type: String, description: String = "")
    throws(SandboxError) -> IdentityNamespace
  {
    guard let identityType = IdentityType(parsing: type) else {
      throw .invalidRequest(
        "'\(type)' is not an identity type. Use one of: "
          + IdentityType.allCases.map { $0.rawValue.lowercased() }.joined(separator: ", "))
    }
    var registry = try registry()
    let created: IdentityNamespace
    do {
      created = try registry.create(
        code: code, name: name, type: identityType, description: description)
    } catch {
      throw .identity(error)
    }
    try storage { () throws(PersistenceError) in try store.save(namespace: created) }
    return created
  }

  /// Changes the name and description of a custom namespace, found by code or numeric id.
  ///
  /// A `code` or `type` that differs from the namespace's is refused: the Platform never
  /// changes those. Throws ``SandboxError/unknownNamespace(_:known:)`` for an unknown one.
  @discardableResult
  public func updateNamespace(
    _ key: String, name: String, description: String?, code: String? = nil, type: String? = nil
  ) throws(SandboxError) -> IdentityNamespace {
    var registry = try registry()
    guard
      let namespace = Int(key).flatMap(registry.namespace(withID:)) ?? registry.namespace(for: key)
    else { throw .unknownNamespace(key, known: registry.codes) }
    if let code, code != namespace.code {
      throw .invalidRequest(
        "A namespace's code cannot change: '\(namespace.code)' stays; send its code or leave it out."
      )
    }
    if let type, IdentityType(parsing: type) != namespace.type {
      throw .invalidRequest(
        "A namespace's idType cannot change: '\(namespace.type.rawValue)' stays.")
    }
    let updated: IdentityNamespace
    do {
      updated = try registry.update(
        code: namespace.code, name: name, description: description ?? namespace.description)
    } catch {
      throw .identity(error)
    }
    try storage { () throws(PersistenceError) in try store.update(namespace: updated) }
    return updated
  }

  // MARK: - Identity graph linking rules

  /// Sets the identity graph linking rules; they apply to links made from now on.
  @discardableResult
  public func setIdentityRules(unique: [String], priority: [String]) throws(SandboxError)
    -> IdentityLinkingRules
  {
    let registry = try registry()
    let rules: IdentityLinkingRules
    do {
      rules = try IdentityLinkingRules(unique: unique, priority: priority, registry: registry)
    } catch {
      throw .identity(error)
    }
    try storage { () throws(PersistenceError) in try store.save(identityRules: rules) }
    return rules
  }

  /// Removes the identity graph linking rules: the graph links everything again.
  public func clearIdentityRules() throws(SandboxError) {
    try storage { () throws(PersistenceError) in try store.save(identityRules: nil) }
  }

  // MARK: - Merge policies

  /// Creates a merge policy and returns it.
  ///
  /// `attributeMerge` is `timestampOrdered` or `dataSetPrecedence` (then `datasetOrder` lists
  /// dataset names or ids, first wins); `identityGraph` is `pdg` or `none`.
  @discardableResult
  public func createMergePolicy(
    name: String, attributeMerge: String, datasetOrder: [String] = [], identityGraph: String,
    isDefault: Bool = false, isActiveOnEdge: Bool = false
  ) throws(SandboxError) -> MergePolicy {
    let policy = try makeMergePolicy(
      id: UUID().uuidString.lowercased(), name: name, attributeMerge: attributeMerge,
      datasetOrder: datasetOrder, identityGraph: identityGraph, isDefault: isDefault,
      isActiveOnEdge: isActiveOnEdge)
    var policies = try mergePolicies()
    do {
      try policies.add(policy)
    } catch {
      throw .mergePolicy(error)
    }
    try storage { () throws(PersistenceError) in try store.save(mergePolicies: policies) }
    return policy
  }

  /// Replaces every setting of the merge policy `key` (its id stays) and returns it.
  ///
  /// The arguments mean what they mean for ``createMergePolicy(name:attributeMerge:datasetOrder:identityGraph:isDefault:isActiveOnEdge:)``.
  @discardableResult
  public func updateMergePolicy(
    _ key: String, name: String, attributeMerge: String, datasetOrder: [String] = [],
    identityGraph: String, isDefault: Bool, isActiveOnEdge: Bool
  ) throws(SandboxError) -> MergePolicy {
    var policies = try mergePolicies()
    let replacement = try makeMergePolicy(
      id: key, name: name, attributeMerge: attributeMerge, datasetOrder: datasetOrder,
      identityGraph: identityGraph, isDefault: isDefault, isActiveOnEdge: isActiveOnEdge)
    let updated: MergePolicy
    do {
      updated = try policies.replace(
        key, with: replacement, epoch: Int64(clock().timeIntervalSince1970))
    } catch {
      throw .mergePolicy(error)
    }
    try storage { () throws(PersistenceError) in try store.save(mergePolicies: policies) }
    return updated
  }

  /// A policy from the command line's or the API's words, its datasets resolved to ids.
  private func makeMergePolicy(
    id: String, name: String, attributeMerge: String, datasetOrder: [String],
    identityGraph: String, isDefault: Bool, isActiveOnEdge: Bool
  ) throws(SandboxError) -> MergePolicy {
    let merge: AttributeMerge
    switch attributeMerge.lowercased() {
    case "timestampordered": merge = .timestampOrdered
    case "datasetprecedence":
      let known = try datasets()
      var ids: [String] = []
      for key in datasetOrder { ids.append(try dataset(key, in: known).id) }
      merge = .dataSetPrecedence(ids)
    default:
      throw .invalidRequest(
        "'\(attributeMerge)' is not an attribute merge type. Use 'timestampOrdered' or 'dataSetPrecedence'"
      )
    }
    guard let stitching = IdentityStitching(rawValue: identityGraph.lowercased()) else {
      throw .invalidRequest("'\(identityGraph)' is not an identity graph type. Use 'pdg' or 'none'")
    }
    return MergePolicy(
      id: id, name: name, attributeMerge: merge, identityGraph: stitching, isDefault: isDefault,
      isActiveOnEdge: isActiveOnEdge, version: 1, updateEpoch: Int64(clock().timeIntervalSince1970))
  }

  /// The merge policy with id or name `key`.
  public func mergePolicy(_ key: String) throws(SandboxError) -> MergePolicy {
    do {
      return try mergePolicies().policy(key)
    } catch let error as SandboxError {
      throw error
    } catch {
      throw .invalidRequest("\(error)")
    }
  }

  /// Makes the policy `key` the default and returns it.
  @discardableResult
  public func setDefaultMergePolicy(_ key: String) throws(SandboxError) -> MergePolicy {
    var policies = try mergePolicies()
    do {
      try policies.setDefault(key, epoch: Int64(clock().timeIntervalSince1970))
    } catch {
      throw .mergePolicy(error)
    }
    try storage { () throws(PersistenceError) in try store.save(mergePolicies: policies) }
    return policies.defaultPolicy
  }

  /// Deletes the policy `key` and returns it.
  @discardableResult
  public func deleteMergePolicy(_ key: String) throws(SandboxError) -> MergePolicy {
    var policies = try mergePolicies()
    let deleted: MergePolicy
    do {
      deleted = try policies.delete(key)
    } catch {
      throw .mergePolicy(error)
    }
    try storage { () throws(PersistenceError) in try store.save(mergePolicies: policies) }
    return deleted
  }

  /// `policy` as the Platform's MergePolicy object.
  public func document(for policy: MergePolicy) -> MergePolicyDocument {
    MergePolicyDocument(
      id: policy.id, name: policy.name, imsOrgId: Self.localOrgID,
      sandbox: SandboxReference(
        sandboxId: Self.localSandboxID, sandboxName: "prod", type: "production", isDefault: true),
      version: policy.version, identityGraph: TypeName(type: policy.identityGraph.rawValue),
      attributeMerge: AttributeMergeDocument(
        type: policy.attributeMerge.typeName, order: policy.attributeMerge.order),
      isActiveOnEdge: policy.isActiveOnEdge, isDefault: policy.isDefault,
      updateEpoch: policy.updateEpoch)
  }

  /// Every policy as the Platform's list response.
  public func mergePoliciesResponse() throws(SandboxError) -> MergePoliciesResponse {
    let documents = try mergePolicies().policies.map(document(for:)).sorted { $0.name < $1.name }
    return MergePoliciesResponse(
      page: MergePoliciesPage(count: documents.count, next: nil), children: documents,
      links: PageLinks(next: HrefLink(href: "")))
  }
}
