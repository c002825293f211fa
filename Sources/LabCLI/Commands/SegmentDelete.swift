import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment delete`.
  struct SegmentDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a segment definition and its memberships.",
      discussion: """
        --format json prints the Platform's answer {"status": true, "message": ...}.

        Example: aep-lab segment delete 'Male jacket viewers'
        """)

    @Argument(help: "The segment's id or name.")
    var segment: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let deleted = try segmentCall { () throws(SandboxError) in
        try sandbox.deleteSegment(segment)
      }
      if output.format == .json {
        let answer: JSONValue = [
          "status": true, "message": .string("Segment definition \(deleted.id ?? "") deleted"),
        ]
        console.line(answer.serialized(pretty: true))
      } else {
        console.line("Deleted segment '\(deleted.name)' (\(deleted.id ?? "")) and its memberships.")
      }
    }
  }
}
