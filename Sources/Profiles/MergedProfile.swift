import Identities
import LabCore

/// A person's profile: their fragments united under a merge policy.
public struct MergedProfile: Sendable, Hashable {
  /// The merged XDM Individual Profile.
  public var entity: JSONValue
  /// The identity the profile is known by (the one marked primary in its identityMap).
  public var primaryIdentity: Identity
  /// The identities the profile unites (the whole graph under `pdg`).
  public var identities: [Identity]
  /// The datasets whose fragments were merged, sorted.
  public var sources: [String]
  /// The batches whose fragments were merged, sorted.
  public var batches: [String]
  /// The ingestion order of the newest merged fragment, if any.
  public var lastModified: Int64?
  /// How many fragments were merged.
  public var fragmentCount: Int

  /// Creates a merged profile.
  public init(
    entity: JSONValue, primaryIdentity: Identity, identities: [Identity], sources: [String],
    batches: [String], lastModified: Int64?, fragmentCount: Int
  ) {
    self.entity = entity
    self.primaryIdentity = primaryIdentity
    self.identities = identities
    self.sources = sources
    self.batches = batches
    self.lastModified = lastModified
    self.fragmentCount = fragmentCount
  }
}
