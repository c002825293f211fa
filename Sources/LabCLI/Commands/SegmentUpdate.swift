import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

extension AEPLab {
  /// `aep-lab segment update`.
  struct SegmentUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract:
        "Change a segment definition's name, expression, description, evaluation or merge policy.",
      discussion: """
        Options not given keep their values. --format json prints the updated definition.

        Example: aep-lab segment update 'Female customers' --evaluation streaming
        """)

    @Argument(help: "The segment's id or name.")
    var segment: String

    @Option(name: .long, help: "A new name.")
    var name: String?

    @OptionGroup var source: SegmentExpressionOptions

    @Option(name: .long, help: "A new description.")
    var description: String?

    @Option(name: .long, help: "batch, streaming or edge.")
    var evaluation: SegmentEvaluationOption?

    @Option(name: .long, help: "A merge policy id or name.")
    var mergePolicy: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      var request = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentDefinition(segment)
      }
      if let name { request.name = name }
      if let expression = try source.expression() {
        request.expression = SegmentExpression(
          format: expression.format.rawValue, value: expression.value)
      }
      if let description { request.description = description }
      if let evaluation { request.evaluationInfo = evaluation.evaluationInfo }
      if let mergePolicy { request.mergePolicyId = mergePolicy }
      let updated = try segmentCall { () throws(SandboxError) in
        try sandbox.updateSegment(segment, with: request)
      }
      if output.format == .json {
        console.line(WireJSON.render(updated))
      } else {
        console.line("Updated segment '\(updated.name)'.")
        let eligibility = try? sandbox.segmentEligibility(updated.id ?? "")
        console.write(SegmentCommand.render(updated, eligibility: eligibility, console: console))
      }
    }
  }
}
