import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

extension AEPLab {
  /// `aep-lab segment create`.
  struct SegmentCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create",
      abstract: "Create a segment definition.",
      discussion: """
        Streaming and edge are refused, with the reason, when the expression does not qualify. \
        --format json prints the Platform's segment definition object.

        Example: aep-lab segment create --name 'Male jacket viewers' --evaluation streaming \
        --pql 'person.gender in ["male"] and CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("MONTANA WIND JACKET", false)))])'
        """)

    @Option(name: .long, help: "The segment's unique name.")
    var name: String

    @OptionGroup var source: SegmentExpressionOptions

    @Option(name: .long, help: "A description.")
    var description: String?

    @Option(name: .long, help: "batch (default), streaming or edge.")
    var evaluation: SegmentEvaluationOption = .batch

    @Option(name: .long, help: "A merge policy id or name (default: the default policy).")
    var mergePolicy: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      guard let expression = try source.expression() else {
        throw LabFailure.usage("Give the expression with --pql, --pql-file or --pql-json.")
      }
      let sandbox = try workspace.resolve().openSandbox()
      let request = SegmentDefinition(
        name: name,
        expression: SegmentExpression(format: expression.format.rawValue, value: expression.value),
        description: description, evaluationInfo: evaluation.evaluationInfo,
        mergePolicyId: mergePolicy)
      let created = try segmentCall { () throws(SandboxError) in
        try sandbox.createSegment(request)
      }
      if output.format == .json {
        console.line(WireJSON.render(created))
      } else {
        let eligibility = try? sandbox.segmentEligibility(created.id ?? "")
        console.line("Created segment '\(created.name)'.")
        console.write(SegmentCommand.render(created, eligibility: eligibility, console: console))
      }
    }
  }
}
