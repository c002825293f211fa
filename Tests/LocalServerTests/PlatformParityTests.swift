import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// The calls that used to answer 501 and now work as the Platform's: `DELETE /access/entities`,
/// `PUT` on a namespace, and `/audiences` over the segment definitions.
@Suite struct PlatformParityTests {
  private struct Server {
    let port: Int
    let headers: [HeaderField]

    func send(_ method: String, _ path: String, body: String? = nil) async throws -> (
      status: Int, json: JSONValue
    ) {
      var all = headers
      if body != nil { all.append(HeaderField("Content-Type", "application/json")) }
      let response = try await TestServer.raw(
        method, port: port, path: path, headers: all, body: body)
      let json =
        response.body.isEmpty
        ? JSONValue.null : try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
      return (response.status, json)
    }
  }

  private func withServer(_ body: (Server) async throws -> Void) async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(backend: backend) { port in
      let token = try await TestServer.token(port: port)
      try await body(Server(port: port, headers: TestServer.headers(token: token)))
    }
  }

  private static let crmProfile =
    "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=CRMID&entityId=CRM-CROWD"

  @Test func deletingAnEntityRemovesItsProfileFragments() async throws {
    try await withServer { server in
      #expect(try await server.send("GET", Self.crmProfile).status == 200)
      let deleted = try await server.send("DELETE", Self.crmProfile)
      #expect(deleted.status == 202)
      let after = try await server.send("GET", Self.crmProfile)
      #expect(
        after.status == 404
          || after.json.objectValue?.values.allSatisfy {
            $0["entity"]?.objectValue?.isEmpty ?? true
          } == true)
      let unknown = try await server.send(
        "DELETE",
        "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=CRMID&entityId=nobody"
      )
      #expect(unknown.status == 404)
      let events = try await server.send(
        "DELETE",
        "/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent&entityIdNS=CRMID&entityId=CRM-4711"
      )
      #expect(events.status == 400)
    }
  }

  @Test func aCustomNamespaceCanBeRenamedButNotRecoded() async throws {
    try await withServer { server in
      let created = try await server.send(
        "POST", "/data/core/idnamespace/identities",
        body: #"{"name": "Lab club", "code": "LabClubID", "idType": "CROSS_DEVICE"}"#)
      #expect(created.status == 200)
      let id = try #require(created.json["id"]?.intValue)
      let renamed = try await server.send(
        "PUT", "/data/core/idnamespace/identities/\(id)",
        body:
          #"{"name": "Lab club members", "description": "the card number", "code": "LabClubID"}"#)
      #expect(renamed.status == 200)
      #expect(renamed.json["name"] == "Lab club members")
      let read = try await server.send("GET", "/data/core/idnamespace/identities/\(id)")
      #expect(read.json["description"] == "the card number")
      let recoded = try await server.send(
        "PUT", "/data/core/idnamespace/identities/\(id)", body: #"{"name": "x", "code": "Other"}"#)
      #expect(recoded.status == 400)
      let standard = try await server.send(
        "PUT", "/data/core/idnamespace/identities/Email", body: #"{"name": "Mail"}"#)
      #expect(standard.status == 400)
    }
  }

  @Test func audiencesAreTheSegmentDefinitions() async throws {
    try await withServer { server in
      let created = try await server.send(
        "POST", "/data/core/ups/audiences",
        body:
          #"{"name": "Women", "expression": {"type": "PQL", "format": "pql/text", "value": "person.gender = \"female\""}}"#
      )
      #expect(created.status == 201)
      let id = try #require(created.json["id"]?.stringValue)
      #expect(created.json["audienceId"]?.stringValue == id)
      let definition = try await server.send("GET", "/data/core/ups/segment/definitions/\(id)")
      #expect(definition.json["name"] == "Women")
      let list = try await server.send("GET", "/data/core/ups/audiences?limit=5")
      #expect(list.json["children"]?.arrayValue?.count == 1)
      #expect(try await server.send("GET", "/data/core/ups/audiences?start=-1").status == 400)
      let bulk = try await server.send(
        "POST", "/data/core/ups/audiences/bulk-get",
        body: #"{"ids": [{"id": "\#(id)"}, {"id": "unknown"}]}"#)
      #expect(bulk.status == 207)
      #expect(bulk.json["results"]?[id]?["name"] == "Women")
      #expect(bulk.json["results"]?["unknown"] == nil)
      #expect(try await server.send("DELETE", "/data/core/ups/audiences/\(id)").status == 204)
      #expect(try await server.send("GET", "/data/core/ups/audiences/\(id)").status == 404)
    }
  }
}
