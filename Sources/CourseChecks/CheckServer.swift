import Curriculum
import Foundation
import LabCore
import LocalServer
import Logging
import PlatformAPI
import Sandbox

/// A local Platform server started for one check: `aep-lab serve`'s application over `sandbox`,
/// bound to a free loopback port, with a libcurl client that holds its credentials.
///
/// Request answers are judged by what this server answers them, over a real socket, so an
/// answer that works here works against `aep-lab serve` and, written against
/// `https://platform.adobe.io`, against a live sandbox.
struct CheckServer: Sendable {
  /// The client ID the check's server accepts.
  static let clientID = "aep-lab-check"

  /// The client for the server: `{{ACCESS_TOKEN}}` and the other variables come from it.
  let client: PlatformClient
  /// The port the server is bound to, on 127.0.0.1.
  let port: Int
  /// The sandbox the server answers from.
  let sandbox: Sandbox

  /// Runs `body` while a server over `sandbox` answers on a free port, then stops the server.
  static func run<Result: Sendable>(
    on sandbox: Sandbox, _ body: @Sendable (CheckServer) async -> Result
  ) async throws(CheckServerError) -> Result {
    let secret = Secret(UUID().uuidString)
    var logger = Logger(label: "aep-lab.check")
    logger.logLevel = .critical
    let configuration = LocalServerConfiguration(
      port: 0, clientID: clientID, clientSecret: secret, orgID: Sandbox.localOrgID,
      logger: logger)
    let backend = SandboxBackend(sandbox: sandbox, jobPhase: .zero)
    let bound = PortBox()
    let task = Task {
      try await ServerRunner.run(
        configuration: configuration, backend: backend, handleSignals: false
      ) { port in await bound.set(port) }
    }
    defer { task.cancel() }
    guard let port = await bound.wait(while: { !task.isCancelled }) else {
      throw .notStarted
    }
    let address = "http://127.0.0.1:\(port)"
    let credentials = PlatformCredentials(
      clientID: clientID, clientSecret: secret, orgID: Sandbox.localOrgID,
      sandboxName: PlatformCredentials.defaultSandbox, imsURL: address, platformURL: address)
    let client = PlatformClient(
      credentials: credentials,
      transport: CurlTransport(options: TransportOptions(timeoutSeconds: 20)),
      retryPolicy: RetryPolicy(maxAttempts: 1))
    return await body(CheckServer(client: client, port: port, sandbox: sandbox))
  }
}

extension CheckServer {
  /// The report `judge` makes with a server over a fresh demo sandbox, or a report that the
  /// sandbox or the server could not be made.
  static func judgeOnDemoData(
    exercise: String, context: CheckContext,
    _ judge: @Sendable (CheckServer) async -> CheckReport
  ) async -> CheckReport {
    do {
      let sandbox = try DemoSandbox.make(seed: LumaDemoData.defaultSeed, in: context)
      return try await run(on: sandbox, judge)
    } catch {
      return CheckReport(
        exerciseID: exercise,
        findings: [Finding(message: "The check could not start its local server: \(error)")])
    }
  }
}
