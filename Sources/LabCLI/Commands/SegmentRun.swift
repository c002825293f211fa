import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment run`: a batch segment job.
  struct SegmentRun: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Run a batch segment job over every merged profile.",
      discussion: """
        Each segment is evaluated under its merge policy; members become 'realized', members \
        still in 'existing', members who left 'exited'. --format json prints the Platform's \
        segment job object.

        Example: aep-lab segment run --all
        """)

    @Argument(help: "Segment ids or names (default with --all: every segment).")
    var segments: [String] = []

    @Flag(name: .long, help: "Evaluate every segment definition.")
    var all = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      if segments.isEmpty && !all {
        throw ValidationError("Name the segments to evaluate, or pass --all.")
      }
      if !segments.isEmpty && all {
        throw ValidationError("Name segments or pass --all, not both.")
      }
    }

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let job = try segmentCall { () throws(SandboxError) in
        try sandbox.runSegmentJob(segmentIDs: segments)
      }
      if output.format == .json {
        console.line(WireJSON.render(job))
        return
      }
      console.write(
        SegmentJobCommand.render(
          job, names: (try? Sandbox.names(sandbox)) ?? [:], console: console))
      if job.status == "FAILED" { throw LabFailure.domain("The segment job failed.") }
    }
  }
}
