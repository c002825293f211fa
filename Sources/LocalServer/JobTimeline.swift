import LabCore
import PlatformAPI

/// How a job looks while "running": the lab evaluates a segment job, an estimate or an export at
/// once, but shows it `QUEUED` (or `NEW`), then `PROCESSING` (or `RUNNING`), then its real
/// outcome, each phase lasting `phase`, so that polling behaves as it does on the Platform.
///
/// Counts appear only with the final status; before it, `metrics` holds just the start times
/// (the schema requires `totalTime` and `profileSegmentationTime`).
struct JobTimeline: Sendable {
  /// How long each of `QUEUED` and `PROCESSING` is shown.
  var phase: Duration
  /// The clock, in seconds since 1970.
  var now: @Sendable () -> Double

  /// The stage a job created at `created` (ms since 1970) shows now: `.first` (`QUEUED`,
  /// `NEW`), `.second` (`PROCESSING`, `RUNNING`) or `.done` (its real outcome).
  func stage(createdAt created: Int64) -> Stage {
    let elapsed = now() * 1000 - Double(created)
    let phaseMilliseconds =
      Double(phase.components.seconds) * 1000
      + Double(phase.components.attoseconds) / 1_000_000_000_000_000
    if elapsed < phaseMilliseconds { return .first }
    if elapsed < 2 * phaseMilliseconds { return .second }
    return .done
  }

  /// The clock's time in milliseconds since 1970.
  var nowMilliseconds: Int64 { Int64(now() * 1000) }

  /// `job` as it looks at this moment.
  func observed(_ job: SegmentJob) -> SegmentJob {
    guard let created = job.creationTime else { return job }
    let status: String
    switch stage(createdAt: Int64(created)) {
    case .first: status = "QUEUED"
    case .second: status = "PROCESSING"
    case .done: return job
    }
    var shown = job
    shown.status = status
    let start: JSONValue = ["startTimeInMs": .number(Double(created))]
    shown.metrics = ["totalTime": start, "profileSegmentationTime": start]
    shown.errors = []
    return shown
  }

  /// The three stages a lab job is shown in.
  enum Stage: Sendable {
    /// Just created (`QUEUED`, `NEW`).
    case first
    /// Running (`PROCESSING`, `RUNNING`).
    case second
    /// Finished: the real outcome.
    case done
  }
}
