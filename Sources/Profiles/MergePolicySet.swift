/// The merge policies of a sandbox, with the Platform's limits: at most five, exactly one
/// default, at most one active on edge.
public struct MergePolicySet: Sendable, Hashable, Codable {
  /// The policies, in creation order.
  public private(set) var policies: [MergePolicy]

  /// The most policies a sandbox may have.
  public static let limit = 5

  /// Creates the set; an empty list starts with the built-in default.
  public init(policies: [MergePolicy] = []) {
    self.policies = policies.isEmpty ? [.builtInDefault] : policies
  }

  /// The default policy.
  public var defaultPolicy: MergePolicy {
    policies.first(where: \.isDefault) ?? policies.first ?? .builtInDefault
  }

  /// The policy with id `key`, or else with that name (ignoring case).
  ///
  /// - Throws: ``ProfileError/unknownMergePolicy(_:known:)``.
  public func policy(_ key: String) throws(ProfileError) -> MergePolicy {
    if let found = policies.first(where: { $0.id == key })
      ?? policies.first(where: { $0.name.lowercased() == key.lowercased() })
    {
      return found
    }
    throw .unknownMergePolicy(key, known: policies.map { "\($0.name) (\($0.id))" })
  }

  /// Adds `policy`, making it the only default or the only one active on edge if it says so.
  ///
  /// - Throws: ``ProfileError`` when the limit is reached, the name is taken or empty, or a
  ///   dataSetPrecedence policy has no datasets.
  public mutating func add(_ policy: MergePolicy) throws(ProfileError) {
    guard policies.count < Self.limit else { throw .tooManyMergePolicies(limit: Self.limit) }
    guard !policy.name.isEmpty else { throw .emptyName }
    guard !policies.contains(where: { $0.name.lowercased() == policy.name.lowercased() }) else {
      throw .duplicateMergePolicyName(policy.name)
    }
    if let order = policy.attributeMerge.order, order.isEmpty { throw .emptyDatasetOrder }
    if policy.isDefault { for index in policies.indices { policies[index].isDefault = false } }
    if policy.isActiveOnEdge {
      for index in policies.indices { policies[index].isActiveOnEdge = false }
    }
    policies.append(policy)
  }

  /// Makes the policy `key` the default (the previous default stops being one).
  public mutating func setDefault(_ key: String, epoch: Int64) throws(ProfileError) {
    let target = try policy(key)
    for index in policies.indices {
      let isTarget = policies[index].id == target.id
      if policies[index].isDefault != isTarget {
        policies[index].isDefault = isTarget
        policies[index].version += 1
        policies[index].updateEpoch = epoch
      }
    }
  }

  /// Replaces the policy `key` with `replacement`, keeping its id and raising its version.
  ///
  /// A replacement that is the default (or active on edge) takes that role from the others;
  /// the default cannot give its role up this way, since a sandbox always has one.
  ///
  /// - Throws: ``ProfileError`` when `key` is unknown, the name is empty or taken by another
  ///   policy, a dataSetPrecedence order is empty, or the default would stop being one.
  @discardableResult
  public mutating func replace(_ key: String, with replacement: MergePolicy, epoch: Int64)
    throws(ProfileError) -> MergePolicy
  {
    let target = try policy(key)
    guard !replacement.name.isEmpty else { throw .emptyName }
    let lowered = replacement.name.lowercased()
    guard !policies.contains(where: { $0.id != target.id && $0.name.lowercased() == lowered })
    else { throw .duplicateMergePolicyName(replacement.name) }
    if let order = replacement.attributeMerge.order, order.isEmpty { throw .emptyDatasetOrder }
    if target.isDefault, !replacement.isDefault { throw .defaultCannotBeUnset(target.name) }
    var updated = replacement
    updated.id = target.id
    updated.version = target.version + 1
    updated.updateEpoch = epoch
    for index in policies.indices where policies[index].id != target.id {
      if updated.isDefault, policies[index].isDefault {
        policies[index].isDefault = false
        policies[index].version += 1
        policies[index].updateEpoch = epoch
      }
      if updated.isActiveOnEdge, policies[index].isActiveOnEdge {
        policies[index].isActiveOnEdge = false
        policies[index].version += 1
        policies[index].updateEpoch = epoch
      }
    }
    if let index = policies.firstIndex(where: { $0.id == target.id }) {
      policies[index] = updated
    }
    return updated
  }

  /// Removes the policy `key` and returns it.
  ///
  /// - Throws: ``ProfileError`` when it is unknown, the default, or active on edge.
  @discardableResult
  public mutating func delete(_ key: String) throws(ProfileError) -> MergePolicy {
    let target = try policy(key)
    if target.isActiveOnEdge { throw .activeOnEdgeCannotBeDeleted(target.name) }
    if target.isDefault { throw .defaultCannotBeDeleted(target.name) }
    policies.removeAll { $0.id == target.id }
    return target
  }
}
