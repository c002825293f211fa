import LabCore
import PlatformAPI

/// The human summary of a segment job: status, then the counts once it has them.
enum SegmentJobSummary {
  /// Prints `job`.
  static func print(_ job: SegmentJob, console: Console = .current) {
    console.line(console.styled("Segment job \(job.id)", .bold) + ": \(job.status)")
    if let total = job.metrics["totalProfiles"] {
      console.line("Profiles evaluated: \(ReplyPrinter.text(total))")
    }
    if let counts = job.metrics["segmentedProfileCounter"]?.objectValue, !counts.isEmpty {
      var table = TextTable(headers: ["segment", "qualified profiles"])
      for (segment, count) in counts.sorted(by: { $0.key < $1.key }) {
        table.append([segment, ReplyPrinter.text(count)])
      }
      console.write(table.rendered(console: console))
    }
    for error in job.errors ?? [] {
      console.line("Error: \(ReplyPrinter.text(error["msg"] ?? error))")
    }
  }
}
