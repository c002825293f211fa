import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment preview`.
  struct SegmentPreview: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "preview",
      abstract: "Show a sample of the profiles that qualify now, as profile cards.",
      discussion: """
        --format json prints the Platform's GET /preview/{id} body.

        Example: aep-lab segment preview 'Female customers' --limit 3
        """)

    @OptionGroup var target: SegmentAudienceOptions

    @Option(name: .long, help: "How many profiles to show (default 5).")
    var limit = 5

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let audience = try target.audience(sandbox, limit: max(limit, 0))
      if output.format == .json {
        console.line(audience.preview.serialized(pretty: true))
        return
      }
      console.line(
        "\(audience.estimate.estimatedSize) of \(audience.estimate.totalRows ?? 0) profiles "
          + "qualify; showing \(audience.samples.count).")
      let names = ProfileCard.segmentNames(in: sandbox)
      for lookup in audience.samples {
        console.line("")
        console.write(
          ProfileCard.render(
            lookup, segmentNames: names, markingRequested: false, console: console))
      }
    }
  }
}
