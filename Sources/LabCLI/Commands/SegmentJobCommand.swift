import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment job`: one kept segment job.
  struct SegmentJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "job",
      abstract: "Show a segment job (jobs are kept), or list them.",
      discussion: """
        --format json prints the Platform's segment job object (or the list's children).

        Example: aep-lab segment job 3f2c...  (or 'aep-lab segment job' to list)
        """)

    @Argument(help: "The job's id (none: list every job).")
    var id: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      guard let id else {
        let jobs = try segmentCall { () throws(SandboxError) in try sandbox.segmentJobs() }
        if output.format == .json {
          console.line(WireJSON.render(jobs))
          return
        }
        var table = TextTable(headers: ["ID", "STATUS", "SEGMENTS", "PROFILES"])
        for job in jobs {
          table.append([
            job.id, job.status, String(job.segments.count),
            job.metrics["totalProfiles"]?.intValue.map(String.init) ?? "",
          ])
        }
        console.write(table.rendered(console: console))
        return
      }
      let job = try segmentCall { () throws(SandboxError) in try sandbox.segmentJob(id) }
      if output.format == .json {
        console.line(WireJSON.render(job))
      } else {
        console.write(render(job))
      }
    }

    func render(_ job: SegmentJob) -> String {
      let names = (try? Sandbox.names(workspace.resolve().openSandbox())) ?? [:]
      return Self.render(job, names: names, console: Console.current)
    }

    /// A job as text: status, profiles and per-segment counts; `names` by segment id.
    static func render(_ job: SegmentJob, names: [String: String], console: Console) -> String {
      let style: TextStyle = job.status == "SUCCEEDED" ? .green : .red
      var lines = ["Segment job \(job.id): " + console.styled(job.status, style)]
      let metrics = job.metrics
      if let total = metrics["totalProfiles"]?.intValue {
        let time = metrics[path: ["totalTime", "totalTimeInMs"]]?.intValue ?? 0
        lines.append("Profiles evaluated: \(total) in \(time) ms")
      }
      var table = TextTable(headers: ["SEGMENT", "MEMBERS", "REALIZED", "EXISTING", "EXITED"])
      for entry in job.segments {
        let id = entry["segmentId"]?.stringValue ?? "?"
        let status = metrics[path: ["segmentedProfileByStatusCounter", id]]
        table.append([
          names[id] ?? id, String(metrics[path: ["segmentedProfileCounter", id]]?.intValue ?? 0),
          String(status?["realized"]?.intValue ?? 0), String(status?["existing"]?.intValue ?? 0),
          String(status?["exited"]?.intValue ?? 0),
        ])
      }
      if job.status == "SUCCEEDED" {
        lines.append(String(table.rendered(console: console).dropLast()))
      }
      for error in job.errors ?? [] {
        lines.append(console.styled("error: ", .red) + (error["msg"]?.stringValue ?? ""))
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}

extension Sandbox {
  /// Segment names by id, for job tables.
  static func names(_ sandbox: Sandbox) throws -> [String: String] {
    Dictionary(
      try sandbox.segmentDefinitions().map { ($0.id ?? "", $0.name) },
      uniquingKeysWith: { a, _ in a })
  }
}
