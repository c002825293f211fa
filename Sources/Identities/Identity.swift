/// One identity: a value in a namespace, such as `Email` `ana@example.com`.
///
/// The namespace is held by its canonical code (see ``NamespaceRegistry``), so two identities
/// are equal exactly when the Platform would join them: same namespace and same value.
public struct Identity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The namespace's canonical code.
  public var namespace: String
  /// The identity value, compared exactly.
  public var id: String

  /// Creates an identity; pass a canonical namespace code (see ``NamespaceRegistry``).
  public init(namespace: String, id: String) {
    self.namespace = namespace
    self.id = id
  }

  /// `namespace:id`, as shown in messages.
  public var description: String { "\(namespace):\(id)" }

  /// Orders by namespace, then by value.
  public static func < (lhs: Identity, rhs: Identity) -> Bool {
    (lhs.namespace, lhs.id) < (rhs.namespace, rhs.id)
  }
}
