import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment show`.
  struct SegmentShow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a segment definition and the evaluation methods it qualifies for.",
      discussion: """
        --format json prints the Platform's segment definition object.

        Example: aep-lab segment show 'Female customers'
        """)

    @Argument(help: "The segment's id or name.")
    var segment: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let definition = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentDefinition(segment)
      }
      if output.format == .json {
        console.line(WireJSON.render(definition))
        return
      }
      let eligibility = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentEligibility(segment)
      }
      console.write(SegmentCommand.render(definition, eligibility: eligibility, console: console))
    }
  }
}
