import Persistence
import Segmentation

extension Sandbox {
  /// How many profiles segment `key` has as members now (realized or existing), from its
  /// stored memberships alone: what a list of segments shows, without merging any profile.
  public func segmentMemberCount(_ key: String) throws(SandboxError) -> Int {
    let segment = try storedSegment(key)
    let memberships = try storage { () throws(PersistenceError) in
      try segmentStore.memberships(segmentID: segment.id)
    }
    return memberships.values.filter { $0.status.isMember }.count
  }
}
