import Hummingbird
import PlatformAPI

/// Runs the application from ``buildApplication(configuration:backend:onServerRunning:)`` until
/// it is stopped, so callers need not import the server framework.
public enum ServerRunner {
  /// Serves until SIGINT or SIGTERM (when `handleSignals`) or until the task is cancelled;
  /// in-flight requests finish before it returns.
  public static func run(
    configuration: LocalServerConfiguration, backend: (any PlatformBackend)?,
    handleSignals: Bool = true, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    let app = buildApplication(
      configuration: configuration, backend: backend, onServerRunning: onServerRunning)
    if handleSignals {
      try await app.runService()  // Hummingbird's default: SIGTERM and SIGINT
    } else {
      try await app.runService(gracefulShutdownSignals: [])
    }
  }
}
