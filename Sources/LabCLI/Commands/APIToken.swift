import ArgumentParser
import Foundation
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api token`: gets (or reuses) an IMS access token.
  struct APIToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "token",
      abstract: "Get an IMS access token (OAuth server-to-server) and cache it.",
      discussion: """
        Calls POST /ims/token/v3 with your client ID, secret and scopes, unless a cached token \
        is still good ('--refresh' forces a new one). The token itself is never printed: \
        the api commands use it for you.

        Example: aep-lab api token --target local
        """)

    @Flag(name: .long, help: "Fetch a new token even if the cached one is still valid.")
    var refresh = false

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let token = try await platformCall { () async throws(PlatformAPIError) in
        try await client.accessToken(forceRefresh: refresh)
      }
      let expires = Date(timeIntervalSince1970: token.expiresAt)
      let remaining = Int(token.expiresAt - Date().timeIntervalSince1970)
      if output.format == .json {
        let body: JSONValue = [
          "access_token": .string(Secret.placeholder), "token_type": "bearer",
          "expires_in": .number(Double(max(remaining, 0))),
          "ims_url": .string(client.credentials.imsURL),
        ]
        console.line(body.serialized(pretty: true))
        return
      }
      console.line(
        "Got an access token for client '\(client.credentials.clientID)' from "
          + "'\(client.credentials.imsURL)'.")
      console.line(
        "It is cached (mode 0600) and used until \(ISO8601DateFormatter().string(from: expires)), "
          + "about \(max(remaining, 0) / 3600) h from now. It is not printed, as it is a secret.")
    }
  }
}
