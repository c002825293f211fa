import LabCore

/// A profile's membership of one segment: `segmentMembership.ups.<segmentId>`.
public struct SegmentMembership: Sendable, Hashable, Codable {
  /// `realized` on entering, `existing` while still in, `exited` on leaving.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// The profile entered the segment at the last evaluation.
    case realized
    /// The profile was in and is still in.
    case existing
    /// The profile left the segment.
    case exited

    /// Whether the profile counts as a member (realized or existing).
    public var isMember: Bool { self != .exited }
  }

  /// The status.
  public var status: Status
  /// When the status was last set, milliseconds since 1970.
  public var lastQualificationTime: Int64

  /// Creates a membership.
  public init(status: Status, lastQualificationTime: Int64) {
    self.status = status
    self.lastQualificationTime = lastQualificationTime
  }

  /// ``next(after:qualifies:at:)``, except that `keepingMemberStatus` (streaming), a member
  /// that still qualifies keeps its membership as it was.
  public static func next(
    after previous: SegmentMembership?, qualifies: Bool, at time: Int64,
    keepingMemberStatus: Bool
  ) -> SegmentMembership? {
    if keepingMemberStatus, qualifies, previous?.status.isMember == true { return previous }
    return next(after: previous, qualifies: qualifies, at: time)
  }

  /// The membership after an evaluation at `time`, or `nil` when the profile was never in and
  /// still is not.
  ///
  /// Entering (or re-entering after leaving) gives `realized`; qualifying again gives
  /// `existing`; not qualifying any more gives `exited`; an exited profile that still does not
  /// qualify keeps its exit time.
  public static func next(after previous: SegmentMembership?, qualifies: Bool, at time: Int64)
    -> SegmentMembership?
  {
    switch (previous?.status, qualifies) {
    case (nil, true), (.exited?, true):
      return SegmentMembership(status: .realized, lastQualificationTime: time)
    case (.realized?, true), (.existing?, true):
      return SegmentMembership(status: .existing, lastQualificationTime: time)
    case (.realized?, false), (.existing?, false):
      return SegmentMembership(status: .exited, lastQualificationTime: time)
    case (.exited?, false):
      return previous
    case (nil, false):
      return nil
    }
  }

  /// The XDM form: `{"status": "realized", "lastQualificationTime": "2025-06-17T03:00:00Z"}`.
  public var json: JSONValue {
    [
      "status": .string(status.rawValue),
      "lastQualificationTime": .string(SegmentClock.isoString(lastQualificationTime)),
    ]
  }

  /// `entity` with `memberships` (by segment id) written under `segmentMembership.ups`,
  /// replacing the `ups` map (other namespaces are kept).
  public static func apply(_ memberships: [String: SegmentMembership], to entity: JSONValue)
    -> JSONValue
  {
    guard case .object(var members) = entity else { return entity }
    var namespaces = members["segmentMembership"]?.objectValue ?? [:]
    if memberships.isEmpty {
      namespaces["ups"] = nil
    } else {
      namespaces["ups"] = .object(memberships.mapValues(\.json))
    }
    members["segmentMembership"] = namespaces.isEmpty ? nil : .object(namespaces)
    return .object(members)
  }
}
