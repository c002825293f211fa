import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// `PUT` and `PATCH` on merge policies through the real client, server and Sandbox.
@Suite struct MergePolicyUpdateTests {
  private func withPersona(_ body: (PlatformClient) async throws -> Void) async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(backend: backend) { port in
      try await body(TestServer.client(port: port))
    }
  }

  private func create(_ client: PlatformClient) async throws -> MergePolicyDocument {
    try await client.send(
      "POST", "/data/core/ups/config/mergePolicies",
      body: Array(
        #"{"name": "No stitching", "identityGraph": {"type": "none"}, "attributeMerge": {"type": "timestampOrdered"}}"#
          .utf8)
    ).decode(MergePolicyDocument.self)
  }

  @Test func putReplacesTheSettingsAndKeepsTheID() async throws {
    try await withPersona { client in
      let created = try await create(client)
      let replaced = try await client.send(
        "PUT", "/data/core/ups/config/mergePolicies/\(created.id)",
        body: Array(
          #"{"name": "Stitched", "identityGraph": {"type": "pdg"}, "attributeMerge": {"type": "timestampOrdered"}, "default": false}"#
            .utf8)
      ).decode(MergePolicyDocument.self)
      #expect(replaced.id == created.id)
      #expect(replaced.name == "Stitched")
      #expect(replaced.identityGraph.type == "pdg")
      #expect(replaced.version == created.version + 1)
      let read = try await client.send("GET", "/data/core/ups/config/mergePolicies/\(created.id)")
      #expect(try read.decode(MergePolicyDocument.self).name == "Stitched")
    }
  }

  @Test func patchChangesOnlyTheNamedFields() async throws {
    try await withPersona { client in
      let created = try await create(client)
      let patched = try await client.send(
        "PATCH", "/data/core/ups/config/mergePolicies/\(created.id)",
        body: Array(
          #"[{"op": "replace", "path": "/name", "value": "Renamed"}, {"op": "replace", "path": "/identityGraph/type", "value": "pdg"}]"#
            .utf8)
      ).decode(MergePolicyDocument.self)
      #expect(patched.name == "Renamed")
      #expect(patched.identityGraph.type == "pdg")
      #expect(patched.attributeMerge.type == "timestampOrdered")
      #expect(!patched.isDefault)
    }
  }

  @Test func patchOfAnUnknownPathOrOperationIsABadRequest() async throws {
    try await withPersona { client in
      let created = try await create(client)
      for operation in [
        #"[{"op": "replace", "path": "/id", "value": "x"}]"#,
        #"[{"op": "remove", "path": "/name"}]"#,
      ] {
        let status = await TestServer.errorStatus {
          _ = try await client.send(
            "PATCH", "/data/core/ups/config/mergePolicies/\(created.id)",
            body: Array(operation.utf8))
        }
        #expect(status == 400)
      }
    }
  }

  @Test func theDefaultCannotBeUnsetAndAnUnknownPolicyIs404() async throws {
    try await withPersona { client in
      let policies = try await client.send("GET", "/data/core/ups/config/mergePolicies")
        .decode(MergePoliciesResponse.self)
      let defaultID = try #require(policies.children.first(where: \.isDefault)?.id)
      let unset = await TestServer.errorStatus {
        _ = try await client.send(
          "PATCH", "/data/core/ups/config/mergePolicies/\(defaultID)",
          body: Array(#"[{"op": "replace", "path": "/default", "value": false}]"#.utf8))
      }
      #expect(unset == 400)
      let missing = await TestServer.errorStatus {
        _ = try await client.send(
          "PUT", "/data/core/ups/config/mergePolicies/no-such-policy",
          body: Array(#"{"name": "x"}"#.utf8))
      }
      #expect(missing == 404)
    }
  }
}
