import LabCore
import PlatformAPI

/// How a segment job looks while "running": the lab evaluates a job at once, but shows it
/// `QUEUED`, then `PROCESSING`, then its real outcome, each phase lasting `phase`, so that
/// polling `GET /segment/jobs/{id}` behaves as it does on the Platform.
///
/// Counts appear only with the final status; before it, `metrics` holds just the start times
/// (the schema requires `totalTime` and `profileSegmentationTime`).
struct JobTimeline: Sendable {
  /// How long each of `QUEUED` and `PROCESSING` is shown.
  var phase: Duration
  /// The clock, in seconds since 1970.
  var now: @Sendable () -> Double

  /// `job` as it looks at this moment.
  func observed(_ job: SegmentJob) -> SegmentJob {
    guard let created = job.creationTime else { return job }
    let elapsed = now() * 1000 - Double(created)
    let phaseMilliseconds =
      Double(phase.components.seconds) * 1000
      + Double(phase.components.attoseconds) / 1_000_000_000_000_000
    let status: String
    if elapsed < phaseMilliseconds {
      status = "QUEUED"
    } else if elapsed < 2 * phaseMilliseconds {
      status = "PROCESSING"
    } else {
      return job
    }
    var shown = job
    shown.status = status
    let start: JSONValue = ["startTimeInMs": .number(Double(created))]
    shown.metrics = ["totalTime": start, "profileSegmentationTime": start]
    shown.errors = []
    return shown
  }
}
