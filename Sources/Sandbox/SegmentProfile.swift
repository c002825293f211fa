import Identities
import LabCore
import Profiles

/// One merged profile as the segmentation service evaluates it: its key, identities, merged
/// entity and events.
struct SegmentProfile: Sendable {
  /// The membership key: the graph id under `pdg`, the negated identity id under `none`.
  var key: Int64
  /// The identity graph it belongs to.
  var graphID: Int64 = 0
  /// The stored ids of its identities.
  var identityIDs: [Int64] = []
  /// The merged profile (its entity carries no memberships yet).
  var merged: MergedProfile
  /// Its ExperienceEvents, oldest first.
  var events: [JSONValue]
}
