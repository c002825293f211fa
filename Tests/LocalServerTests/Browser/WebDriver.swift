import Foundation
import LabCore
import PlatformAPI

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

  private let process: Process
  private let base: String
  private let transport = CurlTransport(options: TransportOptions(timeoutSeconds: 60))

  /// Starts chromedriver on a free port.
  init() async throws {
    guard let driver = Self.driverPath else { throw Failure(description: "no chromedriver") }
    let port = Int.random(in: 20_000...40_000)
    process = Process()
    process.executableURL = URL(fileURLWithPath: driver)
    process.arguments = ["--port=\(port)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    base = "http://127.0.0.1:\(port)"
    for _ in 0..<100 {
      if let status = try? await call("GET", "/status"), status[path: ["value", "ready"]] == true {
        return
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    process.terminate()
    throw Failure(description: "chromedriver did not start")
  }

  deinit { if process.isRunning { process.terminate() } }

  /// Stops the driver.
  func quit() { if process.isRunning { process.terminate() } }

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
    return BrowserSession(driver: self, id: id)
  }
}

/// One browser window driven by ``WebDriver``.
struct BrowserSession: Sendable {
  /// The driver.
  let driver: WebDriver
  /// The session's id.
  let id: String

  /// The key WebDriver names elements by.
  static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

  /// Opens `url`.
  func open(_ url: String) async throws {
    try await driver.call("POST", "/session/\(id)/url", ["url": .string(url)])
  }

  /// The element `css` selects, waiting up to five seconds for it.
  func element(_ css: String) async throws -> String {
    var last: (any Error)?
    for _ in 0..<50 {
      do {
        let answer = try await driver.call(
          "POST", "/session/\(id)/element", ["using": "css selector", "value": .string(css)])
        if let element = answer[path: ["value", Self.elementKey]]?.stringValue { return element }
      } catch {
        last = error
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    let page = (try? await driver.call("GET", "/session/\(id)/source"))?["value"]?.stringValue ?? ""
    throw WebDriver.Failure(
      description: "no element '\(css)' (\(last.map { "\($0)" } ?? "not found")); the page: "
        + String(page.prefix(400)))
  }

  /// The visible text of the element `css` selects.
  func text(_ css: String) async throws -> String {
    let element = try await element(css)
    return try await driver.call("GET", "/session/\(id)/element/\(element)/text")["value"]?
      .stringValue ?? ""
  }

  /// Waits until the text of `css` satisfies `condition` (five seconds at most), and returns it.
  @discardableResult
  func waitForText(_ css: String, _ condition: (String) -> Bool) async throws -> String {
    var seen = ""
    for _ in 0..<50 {
      seen = (try? await text(css)) ?? ""
      if condition(seen) { return seen }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw WebDriver.Failure(description: "'\(css)' never matched; last text: \(seen)")
  }

  /// Clicks the element `css` selects.
  ///
  /// An element found while the previous page was being replaced is found again.
  func click(_ css: String) async throws {
    var failure: (any Error)?
    for _ in 0..<20 {
      do {
        let element = try await element(css)
        try await driver.call("POST", "/session/\(id)/element/\(element)/click")
        return
      } catch {
        failure = error
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    throw failure ?? WebDriver.Failure(description: "could not click '\(css)'")
  }

  /// Types `text` into the field `css` selects.
  func type(_ css: String, _ text: String) async throws {
    let element = try await element(css)
    try await driver.call(
      "POST", "/session/\(id)/element/\(element)/value", ["text": .string(text)])
  }

  /// Picks the option labelled `label` in the select `css` selects.
  func select(_ css: String, _ label: String) async throws {
    try await driver.call(
      "POST", "/session/\(id)/execute/sync",
      [
        "script": """
        const s = document.querySelector(arguments[0]); s.value = arguments[1];
        s.dispatchEvent(new Event('change', { bubbles: true }));
        """,
        "args": [.string(css), .string(label)],
      ])
  }

  /// The page's current URL.
  func url() async throws -> String {
    try await driver.call("GET", "/session/\(id)/url")["value"]?.stringValue ?? ""
  }

  /// Saves a PNG of the window as `name`.png in the screenshot folder.
  func screenshot(_ name: String) async throws {
    let answer = try await driver.call("GET", "/session/\(id)/screenshot")
    guard let data = answer["value"]?.stringValue.flatMap({ Data(base64Encoded: $0) }) else {
      return
    }
    try FileManager.default.createDirectory(
      at: WebDriver.screenshotFolder, withIntermediateDirectories: true)
    try data.write(to: WebDriver.screenshotFolder.appendingPathComponent("\(name).png"))
  }

  /// Closes the window.
  func close() async {
    _ = try? await driver.call("DELETE", "/session/\(id)")
  }
}
