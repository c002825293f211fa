import Identities
import LabCore

/// A profile that qualifies for a segment expression: its identities, merged attributes and
/// events, as the evaluation saw them.
public struct AudienceMember: Sendable, Hashable {
  /// The profile's primary identity.
  public var primaryIdentity: Identity
  /// Every identity of the profile.
  public var identities: [Identity]
  /// The merged profile entity, with its segment memberships.
  public var entity: JSONValue
  /// Its experience events, oldest first.
  public var events: [JSONValue]
}
