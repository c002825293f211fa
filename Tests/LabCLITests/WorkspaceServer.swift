import Foundation
import LocalServer
import Logging
import Persistence
import Sandbox

@testable import LabCLI

/// `aep-lab serve` for a test course: the real server, in this process, on a free loopback port,
/// over the course's own state file, so `--target local` commands see what the CLI changed.
struct WorkspaceServer {
  /// The bound port.
  let port: Int
  /// The task running the server.
  let task: Task<Void, any Error>

  /// Starts the server over `course`'s sandbox.
  static func start(for course: CourseSandbox) async throws -> WorkspaceServer {
    let database = try LabDatabase.open(at: course.home.appendingPathComponent("lab.sqlite").path)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let port = PortWaiter()
    let task = Task {
      try await ServerRunner.run(
        configuration: LocalServerConfiguration(port: 0, logger: logger),
        backend: SandboxBackend(sandbox: Sandbox(database: database), jobPhase: .zero),
        handleSignals: false
      ) { bound in await port.set(bound) }
    }
    guard let bound = await port.value() else {
      task.cancel()
      throw CocoaError(.featureUnsupported)
    }
    return WorkspaceServer(port: bound, task: task)
  }

  /// The environment that sends `--target local` to this server.
  var environment: [String: String] {
    [PlatformOptions.localURLVariable: "http://127.0.0.1:\(port)"]
  }

  /// Stops the server.
  func stop() { task.cancel() }
}
