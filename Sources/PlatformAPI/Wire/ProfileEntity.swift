import LabCore

/// The body of `GET /access/entities` for profiles: merged entities keyed by entity id.
public typealias EntitiesResponse = [String: ProfileEntity]

/// One merged profile as `/access/entities` returns it.
///
/// For example (abridged):
///
/// ```json
/// {"entityId": "BVrqzwVv7o2p", "sources": ["5bc7ee61cdcc8712f991f0ee"],
///  "entity": {"person": {"name": {"firstName": "Jane"}}},
///  "lastModifiedAt": "2018-10-18T15:59:10Z"}
/// ```
public struct ProfileEntity: Codable, Sendable, Hashable {
  /// The merged entity's id (an XID).
  public var entityId: String
  /// The merged XDM Individual Profile.
  public var entity: JSONValue
  /// The XIDs of every identity in the entity's graph.
  public var identityGraph: [String]?
  /// The datasets whose fragments were merged.
  public var sources: [String]
  /// The batches whose fragments were merged.
  public var tags: [String]?
  /// The merge policy used.
  public var mergePolicy: MergePolicyReference?
  /// When the entity last changed, RFC 3339.
  public var lastModifiedAt: String

  /// Creates an entity.
  public init(
    entityId: String, entity: JSONValue, identityGraph: [String]?, sources: [String],
    tags: [String]? = nil, mergePolicy: MergePolicyReference?, lastModifiedAt: String
  ) {
    self.entityId = entityId
    self.entity = entity
    self.identityGraph = identityGraph
    self.sources = sources
    self.tags = tags
    self.mergePolicy = mergePolicy
    self.lastModifiedAt = lastModifiedAt
  }
}

/// A merge policy named by id, as entities carry it.
public struct MergePolicyReference: Codable, Sendable, Hashable {
  /// The policy's id.
  public var id: String

  /// Creates a reference.
  public init(id: String) { self.id = id }
}
