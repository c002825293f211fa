/// Identity graph linking rules: unique namespaces and the namespace priority.
///
/// A unique namespace allows at most one identity of that namespace in a graph. When new data
/// would break that, the identity optimization algorithm keeps the newest links and drops the
/// older ones to lower-priority namespaces (see ``IdentityGraph``). The priority also picks the
/// primary identity of experience events and of merged profiles.
///
/// For example:
///
/// ```swift
/// let rules = try IdentityLinkingRules(
///   unique: ["CRMID", "Email"], priority: ["CRMID", "Email", "Phone", "ECID"],
///   registry: NamespaceRegistry())
/// ```
public struct IdentityLinkingRules: Sendable, Hashable, Codable {
  /// The unique namespaces, by canonical code.
  public private(set) var uniqueNamespaces: [String]
  /// Namespaces from highest to lowest priority, by canonical code.
  public private(set) var priority: [String]

  /// Creates rules, resolving codes through `registry`.
  ///
  /// - Throws: ``IdentityError`` for an unknown or repeated namespace, a unique namespace that
  ///   is not in the priority list, or a cookie or device namespace ranked above a person one.
  public init(unique: [String], priority: [String], registry: NamespaceRegistry)
    throws(IdentityError)
  {
    func resolve(_ codes: [String]) throws(IdentityError) -> [IdentityNamespace] {
      var seen = Set<String>()
      var result: [IdentityNamespace] = []
      for code in codes {
        guard let namespace = registry.namespace(for: code) else {
          throw .unknownNamespace(code, known: registry.codes)
        }
        guard seen.insert(namespace.code).inserted else { throw .repeatedNamespace(namespace.code) }
        result.append(namespace)
      }
      return result
    }
    let uniques = try resolve(unique)
    let ranked = try resolve(priority)
    for namespace in uniques where !ranked.contains(namespace) {
      throw .uniqueNamespaceWithoutPriority(namespace.code)
    }
    for (index, higher) in ranked.enumerated() where !higher.type.isPerson {
      if let person = ranked[(index + 1)...].first(where: { $0.type.isPerson }) {
        throw .deviceOutranksPerson(device: higher.code, person: person.code)
      }
    }
    uniqueNamespaces = uniques.map(\.code)
    self.priority = ranked.map(\.code)
  }

  /// Whether `namespace` (a canonical code) is unique.
  public func isUnique(_ namespace: String) -> Bool { uniqueNamespaces.contains(namespace) }
}

extension NamespaceRegistry {
  /// The priority rank of `namespace` (lower is higher): its place in `rules`' priority list,
  /// else after every listed namespace, by identity type.
  public func priorityRank(of namespace: String, rules: IdentityLinkingRules?) -> Int {
    if let rules, let index = rules.priority.firstIndex(of: namespace) { return index }
    let listed = rules?.priority.count ?? 0
    return listed + (self.namespace(for: namespace)?.type.defaultPriority ?? 9)
  }
}
