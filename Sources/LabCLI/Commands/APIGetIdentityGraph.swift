import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api get-identity-graph`: Identity Service cluster members.
  struct APIGetIdentityGraph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get-identity-graph",
      abstract: "List every identity linked to one (GET /identity/cluster/members).",
      discussion: """
        Example: aep-lab api get-identity-graph --target local --ns phone --id '+32473622044'
        """)

    @Option(name: .customLong("ns"), help: "The namespace code.")
    var namespace: String

    @Option(name: .long, help: "The identity value.")
    var id: String

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let reply = try await platformCall { () async throws(PlatformAPIError) in
        try await client.getIdentityCluster(namespace: namespace, id: id)
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      let body = try platformDecode { () throws(PlatformAPIError) in try reply.json() }
      for cluster in body["clusters"]?.arrayValue ?? [] {
        let members = cluster["members"]?.arrayValue ?? []
        console.line("\(members.count) identities are linked to '\(namespace)/\(id)':")
        var table = TextTable(headers: ["namespace", "id"])
        for member in members {
          let space = member["namespace"] ?? member["nsid"] ?? member["ns"]
          table.append([ReplyPrinter.text(space), ReplyPrinter.text(member["id"] ?? member["xid"])])
        }
        console.write(table.rendered(console: console))
      }
    }
  }
}
