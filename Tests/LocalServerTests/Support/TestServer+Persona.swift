import Foundation
import LocalServer
import PlatformAPI
import Sandbox

extension TestServer {
  /// Runs `body` with the real client against a server on the persona sandbox, whose jobs,
  /// estimates and exports take 10 s per phase on `clock`.
  static func withPersona(
    clock: TestClock = TestClock(), _ body: (PlatformClient, Sandbox) async throws -> Void
  ) async throws {
    let sandbox = try PersonaFixture.sandbox(clock: { Date(timeIntervalSince1970: clock.now) })
    let backend = SandboxBackend(sandbox: sandbox, jobPhase: .seconds(10), now: { clock.now })
    try await with(backend: backend) { port in
      try await body(client(port: port), sandbox)
    }
  }
}
