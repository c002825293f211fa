import Foundation
import LabCore
import PlatformAPI
import Synchronization

/// A small W3C WebDriver client: Debian's `chromedriver` driving headless `chromium`, over
/// plain JSON on loopback, so the browser tests stay in the Swift test runner.
final class WebDriver: @unchecked Sendable {
  /// Why the browser could not be driven.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The chromedriver executable, if installed (`Scripts/setup --browser` installs it).
  static let driverPath = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  /// The chromium executable, if installed.
  static let browserPath = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  /// Whether both are installed.
  static var isAvailable: Bool { driverPath != nil && browserPath != nil }

  /// Where screenshots go: `AEP_LAB_SCREENSHOTS`, or `.build/browser-screenshots`.
  static let screenshotFolder: URL = {
    if let folder = ProcessInfo.processInfo.environment["AEP_LAB_SCREENSHOTS"], !folder.isEmpty {
      return URL(fileURLWithPath: folder)
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/browser-screenshots")
  }()

  private var process: Process
  private var base: String
  private let transport = CurlTransport(options: TransportOptions(timeoutSeconds: 60))
  /// The sessions opened, closed by ``shutdown()``.
  private let sessions = Mutex<[String]>([])

  /// Starts chromedriver on a free port.
  ///
  /// A port another process holds makes chromedriver exit at once, and a busy machine (the
  /// whole suite runs beside it on two cores) can take several seconds to start it, so the
  /// start is tried on up to three ports below the ephemeral range (where the test servers
  /// bind), waiting up to 30 seconds for each.
  init() async throws {
    guard let driver = Self.driverPath else { throw Failure(description: "no chromedriver") }
    var attempts: [String] = []
    process = Process()
    base = ""
    for _ in 0..<3 {
      let port = Int.random(in: 20_000...32_000)
      process = Process()
      process.executableURL = URL(fileURLWithPath: driver)
      process.arguments = ["--port=\(port)"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      base = "http://127.0.0.1:\(port)"
      let started = ContinuousClock.now
      while process.isRunning, ContinuousClock.now - started < .seconds(30) {
        if let status = try? await call("GET", "/status"), status[path: ["value", "ready"]] == true
        {
          return
        }
        try await Task.sleep(for: .milliseconds(100))
      }
      attempts.append(
        process.isRunning
          ? "port \(port): not ready after 30 s"
          : "port \(port): exited with status \(process.terminationStatus)")
      quit()
    }
    throw Failure(description: "chromedriver did not start (\(attempts.joined(separator: "; ")))")
  }

  deinit { quit() }

  /// Stops the driver: SIGTERM, then SIGKILL when it is still running a second later
  /// (chromedriver can outlive a SIGTERM, and test runs left one behind now and then).
  func quit() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<20 where process.isRunning { usleep(50_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// Closes every browser window still open, asks chromedriver to exit, and stops it, so no
  /// driver or browser outlives the test.
  func shutdown() async {
    for id in sessions.withLock({ $0 }) {
      _ = try? await call("DELETE", "/session/\(id)")
    }
    _ = try? await transport.send(TransportRequest(method: "GET", url: base + "/shutdown"))
    for _ in 0..<50 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
    quit()
  }

  /// One WebDriver command; throws when the answer carries an error.
  @discardableResult
  func call(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
    let response = try await transport.send(
      TransportRequest(
        method: method, url: base + path,
        headers: [HeaderField("Content-Type", "application/json")],
        body: body.map { Array($0.serialized().utf8) }
          ?? (method == "POST" ? Array("{}".utf8) : nil)))
    let value = try JSONParser.parse(response.bodyText)
    if let error = value[path: ["value", "error"]]?.stringValue {
      throw Failure(
        description: "\(method) \(path): \(error): "
          + (value[path: ["value", "message"]]?.stringValue ?? ""))
    }
    return value
  }

  /// A new browser window with its own cookies: a new private window.
  func session() async throws -> BrowserSession {
    guard let browser = Self.browserPath else { throw Failure(description: "no chromium") }
    let capabilities: JSONValue = [
      "capabilities": [
        "alwaysMatch": [
          "browserName": "chrome",
          "goog:chromeOptions": [
            "binary": .string(browser),
            "args": [
              "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,1000", "--incognito",
            ],
          ],
        ]
      ]
    ]
    let answer = try await call("POST", "/session", capabilities)
    guard let id = answer[path: ["value", "sessionId"]]?.stringValue else {
      throw Failure(description: "no session: \(answer.serialized())")
    }
    sessions.withLock { $0.append(id) }
    return BrowserSession(driver: self, id: id)
  }
}
