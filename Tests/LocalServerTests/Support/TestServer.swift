import Foundation
import LabCore
import LocalServer
import Logging
import PlatformAPI
import Synchronization
import Testing

/// Receives the port the server bound.
actor PortBox {
  var port: Int?
  func set(_ value: Int) { port = value }
}

/// A clock tests can move forward.
final class TestClock: Sendable {
  private let seconds = Mutex(1_800_000_000.0)
  var now: Double { seconds.withLock { $0 } }
  func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}

/// Starting the real server on 127.0.0.1:0 and the real client against it.
enum TestServer {
  static let clientID = "lab-client"
  static let secret = "lab-secret-4711"
  static let org = "LABORG@AdobeOrg"

  /// A logger that stays quiet (TOOLCHAIN P9).
  static var silentLogger: Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
  }

  /// A configuration on port 0 with the test credentials.
  static func configuration(clock: TestClock? = nil, throttles: Int = 0) -> LocalServerConfiguration
  {
    var configuration = LocalServerConfiguration(
      port: 0, clientID: clientID, clientSecret: Secret(secret), tokenLifetimeSeconds: 3600,
      logger: silentLogger, simulatedThrottles: throttles)
    if let clock { configuration.now = { clock.now } }
    return configuration
  }

  /// Runs `body` with the port of a running server.
  static func with<T: Sendable>(
    _ configuration: LocalServerConfiguration = configuration(),
    backend: (any PlatformBackend)? = StubSandbox(),
    _ body: (Int) async throws -> T
  ) async throws -> T {
    let box = PortBox()
    let task = Task {
      try await ServerRunner.run(
        configuration: configuration, backend: backend, handleSignals: false
      ) { port in await box.set(port) }
    }
    defer { task.cancel() }
    var port: Int?
    for _ in 0..<1000 {
      port = await box.port
      if port != nil { break }
      try await Task.sleep(for: .milliseconds(10))
    }
    let bound = try #require(port)
    try #require(bound > 0)
    return try await body(bound)
  }

  /// Credentials pointing both URLs at the local server.
  static func credentials(port: Int, secret: String = secret) -> PlatformCredentials {
    PlatformCredentials(
      clientID: clientID, clientSecret: Secret(secret), orgID: org, sandboxName: "prod",
      imsURL: "http://127.0.0.1:\(port)", platformURL: "http://127.0.0.1:\(port)")
  }

  /// The real client (libcurl) against the server, retrying without real sleeps.
  static func client(
    port: Int, secret: String = secret, trace: TraceHandler? = nil,
    now: (@Sendable () -> Double)? = nil
  ) -> PlatformClient {
    PlatformClient(
      credentials: credentials(port: port, secret: secret),
      transport: CurlTransport(options: TransportOptions(timeoutSeconds: 15)),
      trace: trace, sleep: { _ in }, now: now ?? { Date().timeIntervalSince1970 })
  }

  /// A raw request through libcurl, for checks the client would never fail.
  static func raw(
    _ method: String, port: Int, path: String, headers: [HeaderField] = [], body: String? = nil
  ) async throws -> TransportResponse {
    try await CurlTransport().send(
      TransportRequest(
        method: method, url: "http://127.0.0.1:\(port)\(path)", headers: headers,
        body: body.map { Array($0.utf8) }))
  }

  /// A token from the server's IMS.
  static func token(port: Int) async throws -> String {
    let response = try await raw(
      "POST", port: port, path: "/ims/token/v3",
      headers: [HeaderField("Content-Type", "application/x-www-form-urlencoded")],
      body:
        "grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)&scope=openid")
    let token = try JSONDecoder().decode(IMSToken.self, from: Data(response.body))
    return token.accessToken.revealed
  }

  /// The five gateway headers for `token`.
  static func headers(token: String) -> [HeaderField] {
    [
      HeaderField("Authorization", "Bearer \(token)"), HeaderField("x-api-key", clientID),
      HeaderField("x-gw-ims-org-id", org), HeaderField("x-sandbox-name", "prod"),
    ]
  }
}

extension TestServer {
  /// The HTTP status of the Platform error `call` throws, or `nil` (recorded as an issue) if it
  /// throws something else or nothing.
  static func errorStatus(_ call: () async throws -> Void) async -> Int? {
    do {
      try await call()
    } catch PlatformAPIError.platform(let status, _, _) {
      return status
    } catch {
      Issue.record("expected a Platform error, got \(error)")
      return nil
    }
    Issue.record("expected a Platform error, got a success")
    return nil
  }
}
