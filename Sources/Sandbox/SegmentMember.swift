import Identities
import Segmentation

/// One member of a segment: the profile's identities and its membership.
public struct SegmentMember: Sendable, Hashable {
  /// The profile's entity id (its primary identity's XID).
  public var entityId: String
  /// The profile's primary identity.
  public var primaryIdentity: Identity
  /// Every identity of the profile.
  public var identities: [Identity]
  /// The membership (`realized`, `existing` or `exited`).
  public var membership: SegmentMembership
}
