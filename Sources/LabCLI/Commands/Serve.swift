import ArgumentParser
import Foundation
import LocalServer
import Logging
import PlatformAPI

extension AEPLab {
  /// `aep-lab serve`: the local Platform-compatible server.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Serve the workspace's sandbox with the Platform's API paths, headers and JSON.",
      discussion: """
        A local IMS (POST /ims/token/v3) issues tokens; every /data/ call is checked as the \
        Platform's gateway checks it. Without --client-id/--client-secret any non-empty pair \
        gets a token. Open http://127.0.0.1:8080/ for the endpoints and a curl example. \
        Ctrl-C stops it. A secret on the command line is visible to other users of the machine \
        (in 'ps'): prefer the variables AEP_LAB_SERVE_CLIENT_ID and AEP_LAB_SERVE_CLIENT_SECRET.

        Example: aep-lab serve --port 8080
        """)

    @Option(name: .long, help: "The interface to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(
      name: .long,
      help: "The only client ID the local IMS accepts (or AEP_LAB_SERVE_CLIENT_ID).")
    var clientID: String?

    @Option(
      name: .long,
      help: "The client secret that goes with the client ID (better: AEP_LAB_SERVE_CLIENT_SECRET).")
    var clientSecret: String?

    @Option(name: .long, help: "The only org ID accepted in x-gw-ims-org-id (default: any).")
    var orgID: String?

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard (0...65535).contains(port) else {
        throw ValidationError(
          "'\(port)' is not a port. Use one from 1024 to 65535, for example '--port 8080'.")
      }
    }

    func run() async throws {
      let console = Console.current
      let environment = LabEnvironment.current
      let clientID = clientID ?? environment["AEP_LAB_SERVE_CLIENT_ID"].flatMap(Self.nonEmpty)
      let clientSecret =
        clientSecret ?? environment["AEP_LAB_SERVE_CLIENT_SECRET"].flatMap(Self.nonEmpty)
      guard (clientID == nil) == (clientSecret == nil) else {
        throw ValidationError(
          "Give the client ID and secret together ('--client-id' or AEP_LAB_SERVE_CLIENT_ID, "
            + "'--client-secret' or AEP_LAB_SERVE_CLIENT_SECRET).")
      }
      let sandbox = try workspace.resolve(environment: environment).openSandbox()
      let backend = SandboxBackend(sandbox: sandbox)
      var logger = Logger(label: "aep-lab.serve") { _ in ConsoleLogHandler(console: console) }
      logger.logLevel = .info
      let configuration = LocalServerConfiguration(
        host: host, port: port, clientID: clientID, clientSecret: clientSecret.map(Secret.init),
        orgID: orgID, logger: logger)
      if !configuration.isLoopback {
        console.error(
          console.styled("Warning:", .yellow) + " listening on '\(host)' makes the sandbox "
            + "reachable from other machines. Use the default '--host 127.0.0.1' unless you mean it."
        )
      }
      if (1..<1024).contains(port) {
        console.error("Note: ports below 1024 usually need root; '--port 8080' avoids that.")
      }
      let sandboxName = backend.sandbox.sandboxName
      let shown = host.contains(":") ? "[\(host)]" : host
      let port = port
      do {
        try await ServerRunner.run(configuration: configuration, backend: backend) { bound in
          console.line(
            "aep-lab serve: sandbox '\(sandboxName)' on http://\(shown):\(bound)/ "
              + "(Ctrl-C stops it).")
          fflush(nil)
        }
      } catch {
        if "\(error)".contains("Address already in use") {
          throw LabFailure.domain(
            "The server could not start: port \(port) on \(shown) is taken, most likely by "
              + "another 'aep-lab serve'. Stop that one (Ctrl-C in its terminal), or start this "
              + "one on another port with '--port \(port + 1)'.")
        }
        throw LabFailure.domain(
          "The server could not start on '\(shown):\(port)': \(error). Is another server using "
            + "that port? Try '--port \(port + 1)'.")
      }
      console.line("aep-lab serve: stopped.")
    }

    /// `text`, or `nil` when it is empty.
    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
  }
}
