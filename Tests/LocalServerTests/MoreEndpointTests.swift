import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// The remaining endpoints through the real client, server and Sandbox.
@Suite struct MoreEndpointTests {
  private func withPersona(_ body: (PlatformClient) async throws -> Void) async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(backend: backend) { port in
      try await body(TestServer.client(port: port))
    }
  }

  private func body(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func aMergePolicyBecomesTheDefaultByPatchAndBulkGetFindsIt() async throws {
    try await withPersona { client in
      let created = try await client.send(
        "POST", "/data/core/ups/config/mergePolicies",
        body: body(
          #"{"name": "No stitching", "identityGraph": {"type": "none"}, "attributeMerge": {"type": "timestampOrdered"}}"#
        )
      ).decode(MergePolicyDocument.self)
      let patched = try await client.send(
        "PATCH", "/data/core/ups/config/mergePolicies/\(created.id)",
        body: body(#"[{"op": "add", "path": "/default", "value": true}]"#)
      ).decode(MergePolicyDocument.self)
      #expect(patched.isDefault)
      let bulk = try await client.send(
        "POST", "/data/core/ups/config/mergePolicies/bulk-get",
        body: body(#"{"ids": [{"id": "\#(created.id)"}]}"#))
      #expect(bulk.status == 207)
      #expect(try bulk.json()[path: ["results", created.id, "name"]] == "No stitching")
    }
  }

  @Test func aCustomNamespaceIsCreatedReadAndRefusedTwice() async throws {
    try await withPersona { client in
      let namespace = body(
        #"{"name": "Luma Loyalty", "code": "lumaLoyalty", "idType": "CROSS_DEVICE"}"#)
      let created = try await client.send(
        "POST", "/data/core/idnamespace/identities", body: namespace
      ).decode(NamespaceDocument.self)
      #expect(created.custom)
      let read = try await client.send("GET", "/data/core/idnamespace/identities/\(created.id)")
      #expect(try read.decode(NamespaceDocument.self).code == "lumaLoyalty")
      let status = await TestServer.errorStatus {
        _ = try await client.send("POST", "/data/core/idnamespace/identities", body: namespace)
      }
      #expect(status == 409)
      let missing = await TestServer.errorStatus {
        _ = try await client.send("GET", "/data/core/idnamespace/identities/999999")
      }
      #expect(missing == 404)
    }
  }

  @Test func clustersForSeveralIdentitiesListTheUnknownAsUnprocessed() async throws {
    try await withPersona { client in
      let reply = try await client.send(
        "POST", "/data/core/identity/clusters/members",
        body: body(
          #"{"compositeXids": [{"nsid": 6, "id": "\#(PersonaFixture.email)"}, {"nsid": 6, "id": "ghost@example.com"}], "graph-type": "pdg"}"#
        ))
      let response = try reply.decode(ClusterMembersResponse.self)
      #expect(response.clusters.first?.members.count == 4)
      #expect(response.unprocessedRecords.map(\.id) == ["ghost@example.com"])
    }
  }

  @Test func aFinishedJobCanBeCancelledWith204() async throws {
    try await withPersona { client in
      let segment = try await client.createSegmentDefinition(
        SegmentDefinition(name: "All", expression: SegmentExpression(value: "true"))
      ).decode(SegmentDefinition.self)
      let job = try await client.createSegmentJob(segmentIDs: [segment.id ?? ""]).decode(
        SegmentJob.self)
      #expect(job.status == "SUCCEEDED")
      let cancelled = try await client.send("DELETE", "/data/core/ups/segment/jobs/\(job.id)")
      #expect(cancelled.status == 204)
    }
  }

  @Test(arguments: [
    ("PUT", "/data/core/idnamespace/identities/4"), ("DELETE", "/data/core/ups/access/entities"),
  ])
  func callsOnceMissingNowCheckTheirInputAs400(method: String, path: String) async throws {
    try await withPersona { client in
      let status = await TestServer.errorStatus {
        _ = try await client.send(method, path, body: method == "PUT" ? body("{}") : nil)
      }
      #expect(status == 400)
    }
  }
}

@Suite struct PostEventsTests {
  @Test func postEntitiesForEventsReturnsAPagePerIdentity() async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox())
    try await TestServer.with(backend: backend) { port in
      let body =
        #"{"schema": {"name": "_xdm.context.experienceevent"}, "relatedSchema": {"name": "_xdm.context.profile"}, "identities": [{"entityId": "\#(PersonaFixture.email)", "entityIdNS": {"code": "email"}}, {"entityId": "ghost@example.com", "entityIdNS": {"code": "email"}}], "limit": 2, "orderby": "-timestamp"}"#
      let reply = try await TestServer.client(port: port).send(
        "POST", "/data/core/ups/access/entities", body: Array(body.utf8))
      let pages = try reply.decode([String: ExperienceEventsResponse].self)
      #expect(pages[PersonaFixture.email]?.children.map(\.entityId) == ["evt-3", "evt-2"])
      #expect(pages["ghost@example.com"]?.children.isEmpty == true)
    }
  }
}
