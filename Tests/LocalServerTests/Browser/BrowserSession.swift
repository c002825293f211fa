import Foundation
import LabCore

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
