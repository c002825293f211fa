import ArgumentParser
import Foundation
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api send FILE.http`: sends a request written in a REST Client `.http` file.
  struct APISend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "send",
      abstract: "Send a request written in an .http file (JetBrains / VS Code REST Client).",
      discussion: """
        The file holds a request line ('GET https://platform.adobe.io/...'), header lines \
        ('Name: value'), a blank line and an optional body; '###' separates requests. \
        '{{ACCESS_TOKEN}}', '{{API_KEY}}', '{{IMS_ORG}}' and '{{SANDBOX_NAME}}' are filled from \
        your credentials, and 'https://platform.adobe.io' is replaced by the target's URL, so \
        the same file works with '--target local' and live. The URL is sent as written: a '+' \
        in a query value stays a '+', which the server reads as a space (write '%2B').

        Prints the status and the body; exits 1 when the status is not 2xx.

        Example: aep-lab api send get-profile.http --target local
        """)

    @Argument(help: "The .http file.")
    var file: String

    @Option(name: .long, help: "Which request of the file to send, from 1 (default: the only one).")
    var request: Int?

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      if let request, request < 1 { throw ValidationError("'--request' must be at least 1.") }
    }

    func run() async throws {
      let console = Console.current
      let template = try RequestFileLoader.template(at: file, number: request)
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let response = try await platformCall { () async throws(PlatformAPIError) in
        try await client.send(template)
      }
      if output.format == .json {
        console.writeRaw(ResponsePrinter.json(response).serialized(pretty: true) + "\n")
      } else {
        console.writeRaw(ResponsePrinter.text(response, console: console))
      }
      if !response.isSuccess { throw ExitCode.failure }
    }
  }
}
