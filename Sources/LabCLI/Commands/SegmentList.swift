import ArgumentParser
import LabCore
import PlatformAPI
import Sandbox

extension AEPLab {
  /// `aep-lab segment list`.
  struct SegmentList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the segment definitions.",
      discussion:
        "--format json prints the Platform's GET /segment/definitions response. Example: aep-lab segment list"
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let definitions = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentDefinitions()
      }
      if output.format == .json {
        let page: JSONValue = [
          "totalCount": .number(Double(definitions.count)), "totalPages": 1,
          "sortField": "creationTime", "sort": "asc",
          "pageSize": .number(Double(definitions.count)),
          "limit": 100,
        ]
        console.line(WireJSON.render(SegmentDefinitionList(segments: definitions, page: page)))
        return
      }
      guard !definitions.isEmpty else {
        console.line("No segment definitions yet. Create one with 'aep-lab segment create'.")
        return
      }
      var table = TextTable(headers: ["NAME", "EVALUATION", "FORMAT", "ID"])
      for definition in definitions {
        var methods = ["batch"]
        if definition.evaluationInfo?.continuous?.enabled == true { methods.append("streaming") }
        if definition.evaluationInfo?.synchronous?.enabled == true { methods.append("edge") }
        table.append([
          definition.name, methods.joined(separator: "+"), definition.expression.format,
          definition.id ?? "",
        ])
      }
      console.write(table.rendered(console: console))
    }
  }
}
