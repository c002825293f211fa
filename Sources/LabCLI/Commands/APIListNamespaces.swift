import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api list-namespaces`: `GET /data/core/idnamespace/identities`.
  struct APIListNamespaces: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list-namespaces",
      abstract: "List the sandbox's identity namespaces.",
      discussion: "Example: aep-lab api list-namespaces --target local")

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let reply = try await platformCall { () async throws(PlatformAPIError) in
        try await client.listNamespaces()
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      let body = try platformDecode { () throws(PlatformAPIError) in try reply.json() }
      var table = TextTable(headers: ["id", "code", "name", "idType", "custom"])
      for namespace in body.arrayValue ?? [] {
        table.append(
          ["id", "code", "name", "idType", "custom"].map { ReplyPrinter.text(namespace[$0]) })
      }
      console.write(table.rendered(console: console))
    }
  }
}
