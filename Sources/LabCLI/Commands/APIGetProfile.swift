import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api get-profile`: `GET /data/core/ups/access/entities` for one profile.
  struct APIGetProfile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get-profile",
      abstract: "Look a profile up by any of its identities (UPS - GET Profile by Entity ID & NS).",
      discussion: """
        The identity value is URL-encoded for you, so the '+' in an email or phone number is \
        sent as %2B.

        Example: aep-lab api get-profile --target local --ns phone --id '+32473622044'
        """)

    @Option(name: .customLong("ns"), help: "The namespace code: ecid, email, phone, crmid, ...")
    var namespace: String

    @Option(name: .long, help: "The identity value.")
    var id: String

    @Option(
      name: .long, help: "Attributes to return, comma-separated, e.g. 'person.name,personalEmail'.")
    var fields: String?

    @Option(name: .long, help: "A merge policy id (default: the sandbox's default policy).")
    var mergePolicy: String?

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let fieldList = fields?.split(separator: ",").map(String.init) ?? []
      let reply = try await platformCall { () async throws(PlatformAPIError) in
        try await client.getProfile(
          namespace: namespace, id: id, fields: fieldList, mergePolicyID: mergePolicy)
      }
      if output.format == .json { return ReplyPrinter.printBody(reply) }
      let body = try platformDecode { () throws(PlatformAPIError) in try reply.json() }
      ProfileSummary.print(body, requested: "\(namespace)/\(id)")
    }
  }
}
