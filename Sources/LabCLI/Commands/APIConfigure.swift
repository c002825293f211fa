import ArgumentParser
import Foundation
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api configure`: saves the Developer Console credentials (mode 0600).
  struct APIConfigure: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "configure",
      abstract: "Save your Adobe Developer Console credentials for live API calls.",
      discussion: """
        Reads the values from flags, from the Postman environment file the Developer Console \
        downloads ('--from-postman-env'), or asks for them. The file is written with mode 0600 \
        to $AEP_LAB_CONFIG, else ~/.config/aep-lab/platform.json. The secret is never printed.

        Example: aep-lab api configure --from-postman-env oauth_server_to_server.postman_environment.json
        """)

    @Option(
      name: .long, help: ArgumentHelp("A Postman environment file to import.", valueName: "file"))
    var fromPostmanEnv: String?

    @Option(name: .long, help: "The client ID (API key).")
    var clientID: String?

    @Option(
      name: .long,
      help: "The client secret (prefer the prompt or a file: flags end up in shell history).")
    var clientSecret: String?

    @Option(name: .long, help: "The IMS org ID ('...@AdobeOrg').")
    var orgID: String?

    @Option(name: .long, help: "The sandbox name, e.g. 'prod'.")
    var sandbox: String?

    @Option(name: .long, help: "Comma-separated OAuth scopes.")
    var scopes: String?

    @Option(name: .long, help: ArgumentHelp("The IMS URL.", valueName: "url"))
    var imsURL: String?

    @Option(name: .long, help: ArgumentHelp("The Platform URL.", valueName: "url"))
    var platformURL: String?

    @OptionGroup var output: FormatOptions

    func run() async throws {
      let console = Console.current
      let store = CredentialStore(environment: LabEnvironment.current)
      var credentials: PlatformCredentials
      do {
        credentials =
          try store.loadFile()
          ?? PlatformCredentials(clientID: "", clientSecret: Secret(""), orgID: "")
        if let fromPostmanEnv {
          guard let data = FileManager.default.contents(atPath: fromPostmanEnv) else {
            throw LabFailure.usage("Cannot read the Postman environment file '\(fromPostmanEnv)'.")
          }
          credentials = try PostmanEnvironment.credentials(from: data, base: credentials)
        }
      } catch let error as PlatformAPIError {
        throw LabFailure(error)
      }
      apply(to: &credentials)
      if credentials.missingSettings.isEmpty == false, isatty(STDIN_FILENO) == 1 {
        Prompt.ask(for: &credentials, console: console)
      }
      let missing = credentials.missingSettings
      guard missing.isEmpty else {
        throw LabFailure.usage(
          "Still missing: \(missing.joined(separator: ", ")). Pass them as flags (for example "
            + "'--org-id ABC@AdobeOrg'), or use '--from-postman-env FILE'.")
      }
      do {
        try store.save(credentials)
      } catch {
        throw LabFailure(error)
      }
      let summary: [(String, String)] = [
        ("clientId", credentials.clientID), ("orgId", credentials.orgID),
        ("sandboxName", credentials.sandboxName), ("imsUrl", credentials.imsURL),
        ("platformUrl", credentials.platformURL), ("configPath", store.configPath),
      ]
      if output.format == .json {
        console.line(
          JSONValue.object(Dictionary(uniqueKeysWithValues: summary.map { ($0.0, .string($0.1)) }))
            .serialized(pretty: true))
        return
      }
      console.line("Saved the Platform credentials to '\(store.configPath)' (mode 0600).")
      console.line(
        "Client '\(credentials.clientID)', org '\(credentials.orgID)', sandbox "
          + "'\(credentials.sandboxName)'. The secret is stored but never shown.")
      console.line("Next: 'aep-lab api token' checks that IMS accepts them.")
    }

    private func apply(to credentials: inout PlatformCredentials) {
      if let clientID { credentials.clientID = clientID }
      if let clientSecret { credentials.clientSecret = Secret(clientSecret) }
      if let orgID { credentials.orgID = orgID }
      if let sandbox { credentials.sandboxName = sandbox }
      if let scopes { credentials.scopes = scopes }
      if let imsURL { credentials.imsURL = imsURL }
      if let platformURL { credentials.platformURL = platformURL }
    }
  }
}
