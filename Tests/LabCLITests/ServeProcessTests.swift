import Foundation
import PlatformAPI
import Synchronization
import Testing

/// Runs the built `aep-lab serve` as a process: it prints where it listens, logs one line per
/// request without tokens, and stops cleanly on SIGTERM.
@Suite struct ServeProcessTests {
  static let binary = ProcessPersistenceTests.binary

  /// Collects a pipe's output on a thread of its own.
  final class Collector: Sendable {
    private let text = Mutex("")
    var current: String { text.withLock { $0 } }

    init(_ handle: FileHandle) {
      let thread = Thread { [self] in
        while true {
          let data = handle.availableData
          if data.isEmpty { break }
          text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
      }
      thread.start()
    }

    /// Waits up to `seconds` for `needle` to appear.
    func wait(for needle: String, seconds: Double = 30) async throws -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if current.contains(needle) { return true }
        try await Task.sleep(for: .milliseconds(20))
      }
      return current.contains(needle)
    }
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
  func serveLogsRequestsWithoutTokensAndStopsOnSIGTERM() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = ["serve", "--port", "0"]
    process.environment = course.environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let collector = Collector(output.fileHandleForReading)
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    #expect(try await collector.wait(for: "(Ctrl-C stops it)"))
    let banner = collector.current
    let port = try #require(
      banner.split(separator: "http://127.0.0.1:").dropFirst().first?.prefix { $0.isNumber })
    let base = "http://127.0.0.1:\(port)"
    let client = PlatformClient(
      credentials: PlatformCredentials(
        clientID: "proc-client", clientSecret: Secret("proc-secret-5566"), orgID: "P@AdobeOrg",
        imsURL: base, platformURL: base),
      transport: CurlTransport(), sleep: { _ in })
    let reply = try await client.listNamespaces()
    #expect(reply.status == 200)
    let token = try await client.accessToken().accessToken.revealed
    #expect(try await collector.wait(for: "GET /data/core/idnamespace/identities 200"))

    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let log = collector.current
    #expect(log.contains("POST /ims/token/v3 200"))
    #expect(!log.contains(token))
    #expect(!log.contains("proc-secret-5566"))
    #expect(try await collector.wait(for: "aep-lab serve: stopped.", seconds: 5))
  }
}
