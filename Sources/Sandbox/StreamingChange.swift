import Segmentation

/// How a streaming re-evaluation changed one segment.
public struct StreamingChange: Sendable, Hashable {
  /// Profiles that entered (now `realized`).
  public var entered = 0
  /// Profiles that left (now `exited`).
  public var exited = 0

  /// A change of `entered` profiles in and `exited` out (none by default).
  public init(entered: Int = 0, exited: Int = 0) {
    self.entered = entered
    self.exited = exited
  }

  /// Counts one profile whose membership became `membership`: in when it is a member now,
  /// out when not.
  mutating func count(_ membership: SegmentMembership) {
    if membership.status.isMember { entered += 1 } else { exited += 1 }
  }
}
