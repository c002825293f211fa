import LabCore

/// A segment job as `/data/core/ups/segment/jobs` creates and returns it.
///
/// `status` moves `NEW` → `QUEUED` → `PROCESSING` → `SUCCEEDED` (or `FAILED`, `CANCELLED`);
/// `metrics` fills in when it succeeds.
public struct SegmentJob: Sendable, Codable, Equatable {
  /// The job's id.
  public var id: String
  /// The org that owns it.
  public var imsOrgId: String?
  /// The sandbox it runs in.
  public var sandbox: SandboxDescriptor?
  /// Always `ups`.
  public var profileInstanceId: String?
  /// Who started it (`api`, `scheduler`).
  public var source: String?
  /// NEW, QUEUED, PROCESSING, CANCELLING, CANCELLED, FAILED or SUCCEEDED.
  public var status: String
  /// The batch holding the results.
  public var batchId: String?
  /// The compute job number.
  public var computeJobId: Int?
  /// The compute gateway's job id.
  public var computeGatewayJobId: String?
  /// The segments evaluated, each `{segmentId, segment: {id, expression, mergePolicyId, ...}}`.
  public var segments: [JSONValue]
  /// Errors, each `{code, msg, callStack}`.
  public var errors: [JSONValue]?
  /// Counters and timings (`totalProfiles`, `segmentedProfileCounter`, `totalTime`, ...).
  public var metrics: JSONValue
  /// The request that created it.
  public var requestId: String?
  /// `{"name": "_xdm.context.profile"}`.
  public var schema: SchemaReference?
  /// `{scheduleId, runId}` for scheduled jobs.
  public var properties: JSONValue?
  /// `{cancel: {href, method}, checkStatus: {href, method}}`.
  public var links: JSONValue?
  /// Creation time, milliseconds since 1970.
  public var creationTime: Int?
  /// Last update, milliseconds since 1970.
  public var updateTime: Int?
  /// Last update, seconds since 1970.
  public var updateEpoch: Int?

  /// Creates a job.
  public init(id: String, status: String, segments: [JSONValue], metrics: JSONValue = [:]) {
    self.id = id
    self.status = status
    self.segments = segments
    self.metrics = metrics
  }

  enum CodingKeys: String, CodingKey {
    case id, imsOrgId, sandbox, profileInstanceId, source, status, batchId, computeJobId
    case computeGatewayJobId, segments, errors, metrics, requestId, schema, properties
    case links = "_links"
    case creationTime, updateTime, updateEpoch
  }

  /// Whether the job has finished, one way or another.
  public var isFinished: Bool {
    ["SUCCEEDED", "FAILED", "CANCELLED"].contains(status)
  }
}

/// One element of the `POST /segment/jobs` body: `{"segmentId": "..."}`.
public struct SegmentJobRequestItem: Sendable, Codable, Equatable {
  /// The segment definition to evaluate (`*` for all).
  public var segmentId: String

  /// Creates an item.
  public init(segmentId: String) {
    self.segmentId = segmentId
  }
}
