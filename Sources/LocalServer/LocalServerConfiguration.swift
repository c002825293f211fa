import Foundation
import Logging
import PlatformAPI

/// How `aep-lab serve` runs: where it listens, which credentials its IMS accepts, the limits it
/// enforces and what it logs.
public struct LocalServerConfiguration: Sendable {
  /// The interface to bind (`127.0.0.1` unless the user asks otherwise).
  public var host: String
  /// The port (0 picks a free one, as tests do).
  public var port: Int
  /// The client ID the local IMS accepts; `nil` accepts any non-empty pair.
  public var clientID: String?
  /// The client secret the local IMS accepts (with ``clientID``).
  public var clientSecret: Secret?
  /// The org callers must name in `x-gw-ims-org-id`; `nil` accepts any.
  public var orgID: String?
  /// How long issued tokens live, in seconds (IMS: 86399).
  public var tokenLifetimeSeconds: Int
  /// The largest request body accepted, in bytes.
  public var maxBodyBytes: Int
  /// How long one request may take before the server answers 504.
  public var requestTimeout: Duration
  /// How long a connection may take to deliver a request before it is closed.
  public var connectionTimeouts: ConnectionTimeouts
  /// Where the one-line-per-request log goes.
  public var logger: Logger
  /// The clock, in seconds since 1970 (tests move it to expire tokens).
  public var now: @Sendable () -> Double
  /// A test hook: answer this many Platform calls with `429` before serving normally.
  public var simulatedThrottles: Int

  /// Creates a configuration with the lab's defaults: loopback, port 8080, 1 MiB bodies, 30 s,
  /// and the connection timeouts of ``ConnectionTimeouts``.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, clientID: String? = nil,
    clientSecret: Secret? = nil, orgID: String? = nil, tokenLifetimeSeconds: Int = 86399,
    maxBodyBytes: Int = 1 << 20, requestTimeout: Duration = .seconds(30),
    connectionTimeouts: ConnectionTimeouts = ConnectionTimeouts(),
    logger: Logger = Logger(label: "aep-lab.serve"),
    now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
    simulatedThrottles: Int = 0
  ) {
    self.host = host
    self.port = port
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.orgID = orgID
    self.tokenLifetimeSeconds = tokenLifetimeSeconds
    self.maxBodyBytes = maxBodyBytes
    self.requestTimeout = requestTimeout
    self.connectionTimeouts = connectionTimeouts
    self.logger = logger
    self.now = now
    self.simulatedThrottles = simulatedThrottles
  }

  /// Whether the bind address is reachable only from this machine.
  public var isLoopback: Bool {
    ["127.0.0.1", "localhost", "::1"].contains(host.lowercased())
  }
}
