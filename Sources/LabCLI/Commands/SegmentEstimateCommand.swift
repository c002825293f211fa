import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment estimate`.
  struct SegmentEstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "estimate",
      abstract: "Count the profiles that qualify now, without writing memberships.",
      discussion: """
        The lab counts every profile (the Platform samples above 1 million). --format json \
        prints the Platform's GET /estimate/{id} body.

        Example: aep-lab segment estimate --pql 'person.gender in ["female"]'
        """)

    @OptionGroup var target: SegmentAudienceOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let audience = try target.audience(sandbox, limit: 0)
      if output.format == .json {
        console.line(WireJSON.render(audience.estimate))
      } else {
        console.line(
          "\(audience.estimate.estimatedSize) of \(audience.estimate.totalRows ?? 0) profiles qualify."
        )
      }
    }
  }
}
