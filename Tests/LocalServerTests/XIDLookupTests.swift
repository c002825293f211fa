import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// Profile lookups by XID, the `entityId` a lookup answers with, without a namespace.
@Suite struct XIDLookupTests {
  @Test func theEntityIDOfALookupFindsTheSameProfile() async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox())
    try await TestServer.with(backend: backend) { port in
      let client = TestServer.client(port: port)
      let first = try await client.getProfile(namespace: "email", id: PersonaFixture.email)
      let xid = try #require(try first.json().objectValue?.keys.first)
      let again = try await client.send(
        "GET", "/data/core/ups/access/entities",
        query: [("schema.name", "_xdm.context.profile"), ("entityId", xid)])
      #expect(try again.json() == (try first.json()))
    }
  }

  @Test func anIDThatIsNoXIDNeedsItsNamespace() async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox())
    try await TestServer.with(backend: backend) { port in
      let status = await TestServer.errorStatus {
        _ = try await TestServer.client(port: port).send(
          "GET", "/data/core/ups/access/entities",
          query: [("schema.name", "_xdm.context.profile"), ("entityId", "not-an-xid")])
      }
      #expect(status == 400)
    }
  }
}
