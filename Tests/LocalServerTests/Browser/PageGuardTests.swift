import Foundation
import LocalServer
import PlatformAPI
import Sandbox
import Testing

/// A page from another origin cannot change the sandbox (no browser needed to show it).
@Suite struct PageGuardTests {
  @Test func aFormPostedFromAnotherOriginIsRefusedAndChangesNothing() async throws {
    let sandbox = try BrowserPagesTests.demoSandbox()
    let before = try sandbox.batches().count
    try await TestServer.with(backend: SandboxBackend(sandbox: sandbox)) { port in
      let body = "firstName=Eve&lastName=Il&email=eve@example.com&phone=%2B32470000666"
      let refused = try await TestServer.raw(
        "POST", port: port, path: "/luma/register",
        headers: [
          HeaderField("Origin", "https://attacker.example"),
          HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        ], body: body)
      #expect(refused.status == 403)
      #expect(refused.bodyText.contains("another website"))
      let rebound = try await TestServer.raw(
        "GET", port: port, path: "/luma/", headers: [HeaderField("Host", "attacker.example")])
      #expect(rebound.status == 403)
      let allowed = try await TestServer.raw(
        "POST", port: port, path: "/luma/track",
        headers: [
          HeaderField("Origin", "http://127.0.0.1:\(port)"),
          HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        ], body: "page=Home")
      #expect(allowed.status == 200)
    }
    #expect(try sandbox.batches().count == before + 1)
    #expect(throws: SandboxError.self) {
      _ = try sandbox.profile(namespace: "Email", id: "eve@example.com")
    }
  }
}
