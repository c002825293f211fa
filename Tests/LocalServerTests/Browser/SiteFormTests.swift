import Foundation
import LocalServer
import PlatformAPI
import Sandbox
import Testing

/// A refused registration comes back as the form, with the reason next to the field it is
/// about and the values kept; nothing is stored.
@Suite struct SiteFormTests {
  @Test(arguments: [
    ("email=bad&phone=%2B32470111222&firstName=A&lastName=B", "email", "not an email address"),
    ("email=a%40example.com&phone=123&firstName=A&lastName=B", "phone", "international form"),
    ("email=a%40example.com&phone=%2B32470111222&firstName=&lastName=B", "firstName", "first name"),
  ])
  func aRefusedFieldIsNamedNextToItself(body: String, field: String, reason: String) async throws {
    let sandbox = try BrowserPagesTests.demoSandbox()
    let before = try sandbox.batches().count
    try await TestServer.with(backend: SandboxBackend(sandbox: sandbox)) { port in
      let response = try await TestServer.raw(
        "POST", port: port, path: "/luma/register",
        headers: [
          HeaderField("Origin", "http://127.0.0.1:\(port)"),
          HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        ], body: body)
      #expect(response.status == 400)
      let page = response.bodyText
      let input = try #require(page.range(of: "id=\"\(field)\""))
      let message = try #require(page.range(of: "<span class=\"error\" role=\"alert\">"))
      #expect(message.lowerBound > input.lowerBound)
      #expect(page[message.upperBound...].prefix(120).contains(reason))
      #expect(!page[input.upperBound..<message.lowerBound].contains("<p>"))
    }
    #expect(try sandbox.batches().count == before)
  }
}
