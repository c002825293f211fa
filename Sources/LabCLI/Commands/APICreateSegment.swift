import ArgumentParser
import Foundation
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api create-segment`: `POST /data/core/ups/segment/definitions`.
  struct APICreateSegment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create-segment",
      abstract: "Create a segment definition (Step 1 - Create A Segment Definition).",
      discussion: """
        With '--pql' the body is built for you (pql/text, batch, _xdm.context.profile); with \
        '--body' a JSON file you wrote is sent unchanged (pql/json bodies from the tutorial work).

        Example: aep-lab api create-segment --target local --name 'All female customers' --pql 'person.gender = "female"'
        """)

    @Option(name: .long, help: "The definition's name (unique in the sandbox).")
    var name: String?

    @Option(name: .long, help: "The PQL expression (pql/text).")
    var pql: String?

    @Option(
      name: .long, help: ArgumentHelp("A JSON request body to send as is.", valueName: "file"))
    var body: String?

    @Option(name: .long, help: "A description.")
    var description: String?

    @Option(name: .long, help: "A merge policy id (default: the default policy).")
    var mergePolicy: String?

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      switch (pql, body) {
      case (nil, nil):
        throw ValidationError("Give the expression with '--pql EXPR' or a body with '--body FILE'.")
      case (.some, .some): throw ValidationError("Use either '--pql' or '--body', not both.")
      case (.some, nil) where name == nil:
        throw ValidationError("A definition built from '--pql' needs '--name'.")
      default: break
      }
    }

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let reply: PlatformReply
      if let body {
        guard let data = FileManager.default.contents(atPath: body) else {
          throw LabFailure.usage("Cannot read the body file '\(body)'.")
        }
        guard (try? JSONDecoder().decode(JSONValue.self, from: data)) != nil else {
          throw LabFailure.invalidData("'\(body)' is not valid JSON.")
        }
        reply = try await platformCall { () async throws(PlatformAPIError) in
          try await client.createSegmentDefinition(body: Array(data))
        }
      } else {
        let definition = SegmentDefinition(
          name: name ?? "", expression: SegmentExpression(value: pql ?? ""),
          description: description, evaluationInfo: EvaluationInfo(), mergePolicyId: mergePolicy)
        reply = try await platformCall { () async throws(PlatformAPIError) in
          try await client.createSegmentDefinition(definition)
        }
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      let created = try platformDecode { () throws(PlatformAPIError) in
        try reply.decode(SegmentDefinition.self)
      }
      console.line(
        "Created segment definition '\(created.name)' with id '\(created.id ?? "?")'.")
      console.line("Expression (\(created.expression.format)): \(created.expression.value)")
      console.line(
        "Next: aep-lab api run-segment-job --segment \(created.id ?? "ID") --wait"
          + platform.repeatedOptions)
    }
  }
}
