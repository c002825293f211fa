/// A batch segment job as the service keeps it: its segments, its lifecycle and its metrics.
///
/// `status` moves `QUEUED` → `PROCESSING` → `SUCCEEDED` or `FAILED`.
public struct SegmentJobRecord: Sendable, Hashable, Codable {
  /// The lifecycle states the lab's jobs go through.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// Accepted, not started.
    case queued = "QUEUED"
    /// Evaluating profiles.
    case processing = "PROCESSING"
    /// Finished; memberships are written.
    case succeeded = "SUCCEEDED"
    /// Stopped by an error; memberships are unchanged.
    case failed = "FAILED"
  }

  /// The job's id.
  public var id: String
  /// The current state.
  public var status: Status
  /// The segments evaluated, with the merge policy each used.
  public var segments: [JobSegment]
  /// Counters and timings, filled in when the job succeeds.
  public var metrics: SegmentJobMetrics
  /// Error messages, when it failed.
  public var errors: [String]
  /// Creation time, milliseconds since 1970.
  public var creationTime: Int64
  /// Last update, milliseconds since 1970.
  public var updateTime: Int64

  /// Creates a queued job.
  public init(id: String, segments: [JobSegment], creationTime: Int64) {
    self.id = id
    status = .queued
    self.segments = segments
    metrics = SegmentJobMetrics()
    errors = []
    self.creationTime = creationTime
    updateTime = creationTime
  }

  /// Moves the job to `status` at `time`.
  public mutating func move(to status: Status, at time: Int64) {
    self.status = status
    updateTime = time
  }

  /// One evaluated segment.
  public struct JobSegment: Sendable, Hashable, Codable {
    /// The segment's id.
    public var segmentId: String
    /// Its expression as given.
    public var expression: SegmentExpressionSource
    /// The merge policy it was evaluated under.
    public var mergePolicyId: String

    /// Creates an entry.
    public init(segmentId: String, expression: SegmentExpressionSource, mergePolicyId: String) {
      self.segmentId = segmentId
      self.expression = expression
      self.mergePolicyId = mergePolicyId
    }
  }
}
