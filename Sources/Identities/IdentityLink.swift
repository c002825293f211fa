/// A link between two identities, as the graph keeps it: its origin, when it was first and
/// last established, and whether it is still active.
public struct IdentityLink: Sendable, Hashable {
  /// One end.
  public var from: Identity
  /// The other end.
  public var to: Identity
  /// The record that established the link most recently.
  public var origin: LinkOrigin
  /// The ingestion order at which the link first appeared.
  public var firstEstablished: Int64
  /// The ingestion order at which the link last appeared.
  public var lastEstablished: Int64
  /// Whether it links its identities now, or why it was removed.
  public var state: LinkState

  /// Creates a link value.
  public init(
    from: Identity, to: Identity, origin: LinkOrigin, firstEstablished: Int64,
    lastEstablished: Int64, state: LinkState
  ) {
    self.from = from
    self.to = to
    self.origin = origin
    self.firstEstablished = firstEstablished
    self.lastEstablished = lastEstablished
    self.state = state
  }
}

/// Whether a link is active, or which rule removed it.
public enum LinkState: Int, Sendable, Hashable, Codable {
  /// The link joins its two identities.
  case active = 0
  /// Removed because its graph passed the identity limit and one end was the oldest identity.
  case removedByGraphLimit = 1
  /// Removed by the identity optimization algorithm (a unique namespace would have repeated).
  case removedByLinkingRules = 2

  /// A short phrase for explanations.
  public var explanation: String {
    switch self {
    case .active: "active"
    case .removedByGraphLimit:
      "removed when its graph passed the identity limit (first in, first out)"
    case .removedByLinkingRules:
      "removed by the identity optimization algorithm (a unique namespace would have repeated)"
    }
  }
}
