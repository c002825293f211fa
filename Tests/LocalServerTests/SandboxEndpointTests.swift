import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// The real client against the real server backed by the real Sandbox service.
@Suite struct SandboxEndpointTests {
  private func withPersona<T: Sendable>(
    lookupIdentityLimit: Int = 50, _ body: (Int) async throws -> T
  ) async throws -> T {
    let backend = SandboxBackend(
      sandbox: try PersonaFixture.sandbox(lookupIdentityLimit: lookupIdentityLimit))
    return try await TestServer.with(backend: backend, body)
  }

  @Test(arguments: [
    ("email", PersonaFixture.email), ("phone", PersonaFixture.phone),
    ("ecid", PersonaFixture.ecid), ("crmid", PersonaFixture.crmID),
  ])
  func everyIdentityOfThePersonaReturnsTheSameProfile(namespace: String, id: String) async throws {
    try await withPersona { port in
      let reply = try await TestServer.client(port: port).getProfile(namespace: namespace, id: id)
      let body = try reply.json()
      let entity = try #require(body.objectValue?.values.first)
      #expect(entity[path: ["entity", "person", "name", "firstName"]] == "Jane")
      #expect(entity[path: ["entity", "homeAddress", "city"]] == "Antwerp")
      #expect(entity["identityGraph"]?.arrayValue?.count == 4)
    }
  }

  @Test func fieldsLimitTheEntity() async throws {
    try await withPersona { port in
      let reply = try await TestServer.client(port: port).getProfile(
        namespace: "email", id: PersonaFixture.email, fields: ["person.name"])
      let entity = try #require(try reply.json().objectValue?.values.first)
      #expect(entity[path: ["entity", "person", "name", "lastName"]] == "Doe")
      #expect(entity[path: ["entity", "homeAddress"]] == nil)
    }
  }

  @Test func anUnknownIdentityIsA404InTheProfileShape() async throws {
    try await withPersona { port in
      let error = await #expect(throws: PlatformAPIError.self) {
        try await TestServer.client(port: port).getProfile(
          namespace: "email", id: "nobody@example.com")
      }
      guard case .platform(let status, let body, _) = error else {
        Issue.record("expected a Platform error")
        return
      }
      #expect(status == 404)
      #expect(body.contains(#""statusCode":"404""#))
    }
  }

  @Test func anUnknownNamespaceIsA400WithAHint() async throws {
    try await withPersona { port in
      let error = await #expect(throws: PlatformAPIError.self) {
        try await TestServer.client(port: port).getProfile(namespace: "emial", id: "x")
      }
      #expect(error?.errorDescription?.contains("list-namespaces") == true)
    }
  }

  @Test func aRawPlusInACurlStyleURLFindsNobodyAndSaysWhy() async throws {
    try await withPersona { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "GET", port: port,
        path:
          "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=+15555550123&entityIdNS=phone",
        headers: TestServer.headers(token: token))
      #expect(response.status == 404)
      #expect(response.bodyText.contains("%2B"))
    }
  }

  @Test func aGraphOfMoreThanFiftyIdentitiesIs422() async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(crowd: true))
    try await TestServer.with(backend: backend) { port in
      let client = TestServer.client(port: port)
      let error = await #expect(throws: PlatformAPIError.self) {
        try await client.getProfile(namespace: "email", id: PersonaFixture.crowdEmail)
      }
      guard case .platform(let status, let body, _) = error else {
        Issue.record("expected a Platform error")
        return
      }
      #expect(status == 422)
      #expect(body.contains("Too many related identities"))
      #expect(error?.errorDescription?.contains("more than 50") == true)
      // The persona's own graph is unaffected.
      let persona = try await client.getProfile(namespace: "email", id: PersonaFixture.email)
      #expect(persona.status == 200)
    }
  }

  @Test func eventsPageThroughLinksNext() async throws {
    try await withPersona { port in
      let client = TestServer.client(port: port)
      let first = try await client.getEvents(namespace: "email", id: PersonaFixture.email, limit: 2)
      let page = try first.decode(ExperienceEventsResponse.self)
      #expect(page.children.map(\.entityId) == ["evt-1", "evt-2"])
      let href = try #require(try first.json()[path: ["_links", "next", "href"]]?.stringValue)
      let second = try await client.getEventsPage(href: href)
      #expect(
        try second.decode(ExperienceEventsResponse.self).children.map(\.entityId) == ["evt-3"])
    }
  }

  @Test func newestFirstReversesTheEvents() async throws {
    try await withPersona { port in
      let reply = try await TestServer.client(port: port).getEvents(
        namespace: "ecid", id: PersonaFixture.ecid, order: "-timestamp")
      #expect(try reply.decode(ExperienceEventsResponse.self).children.first?.entityId == "evt-3")
    }
  }

  @Test func theClusterListsEveryLinkedIdentity() async throws {
    try await withPersona { port in
      let reply = try await TestServer.client(port: port).getIdentityCluster(
        namespace: "phone", id: PersonaFixture.phone)
      let clusters = try reply.decode(ClusterMembersResponse.self).clusters
      #expect(
        Set(clusters.first?.members.map(\.id) ?? []) == [
          PersonaFixture.email, PersonaFixture.phone, PersonaFixture.ecid, PersonaFixture.crmID,
        ])
    }
  }

  @Test func namespacesAndMergePoliciesAreListed() async throws {
    try await withPersona { port in
      let client = TestServer.client(port: port)
      let namespaces = try await client.listNamespaces().decode([NamespaceDocument].self)
      #expect(namespaces.contains { $0.code == "ECID" && $0.id == 4 })
      let policies = try await client.listMergePolicies().json()
      #expect(policies["children"]?.arrayValue?.isEmpty == false)
    }
  }

  @Test func aMergePolicyIsCreatedReadAndDeleted() async throws {
    try await withPersona { port in
      let client = TestServer.client(port: port)
      let body =
        #"{"name": "Stitched", "schema": {"name": "_xdm.context.profile"}, "identityGraph": {"type": "pdg"}, "attributeMerge": {"type": "timestampOrdered"}, "default": false}"#
      let created = try await client.send(
        "POST", "/data/core/ups/config/mergePolicies", body: Array(body.utf8)
      ).decode(MergePolicyDocument.self)
      #expect(created.name == "Stitched")
      let read = try await client.send("GET", "/data/core/ups/config/mergePolicies/\(created.id)")
      #expect(try read.decode(MergePolicyDocument.self).identityGraph.type == "pdg")
      _ = try await client.send("DELETE", "/data/core/ups/config/mergePolicies/\(created.id)")
      await #expect(throws: PlatformAPIError.self) {
        try await client.send("GET", "/data/core/ups/config/mergePolicies/\(created.id)")
      }
    }
  }

  @Test func postEntitiesAnswersKnownAndUnknownIdentities() async throws {
    try await withPersona { port in
      let body =
        #"{"schema": {"name": "_xdm.context.profile"}, "identities": [{"entityId": "\#(PersonaFixture.email)", "entityIdNS": {"code": "email"}}, {"entityId": "ghost@example.com", "entityIdNS": {"code": "email"}}]}"#
      let reply = try await TestServer.client(port: port).send(
        "POST", "/data/core/ups/access/entities", body: Array(body.utf8))
      let entities = try #require(try reply.json().objectValue)
      #expect(entities.count == 2)
      #expect(entities["ghost@example.com"]?["entity"] == [:])
    }
  }
}

/// `POST /segment/conversion`, answered by the PQL engine.
@Suite struct ConversionEndpointTests {
  private func convert(_ body: String, port: Int) async throws -> PlatformReply {
    try await TestServer.client(port: port).send(
      "POST", "/data/core/ups/segment/conversion", body: Array(body.utf8))
  }

  @Test func pqlTextBecomesPqlJsonAndBack() async throws {
    try await TestServer.with(backend: SandboxBackend(sandbox: try PersonaFixture.sandbox())) {
      port in
      let text =
        #"{"name": "Females", "schema": {"name": "_xdm.context.profile"}, "expression": {"type": "PQL", "format": "pql/text", "value": "person.gender in [\"female\"]"}}"#
      let asJSON = try await convert(text, port: port).json()
      #expect(asJSON[path: ["expression", "format"]] == "pql/json")
      #expect(asJSON["name"] == "Females")
      let tree = try #require(asJSON[path: ["expression", "value"]]?.stringValue)
      #expect(tree.contains("fnApply"))
      let back = JSONValue.object([
        "expression": ["type": "PQL", "format": "pql/json", "value": .string(tree)]
      ])
      let asText = try await convert(back.serialized(), port: port).json()
      #expect(asText[path: ["expression", "value"]] == #"person.gender in ["female"]"#)
    }
  }

  @Test func invalidPQLIsA400NamingThePosition() async throws {
    try await TestServer.with(backend: SandboxBackend(sandbox: try PersonaFixture.sandbox())) {
      port in
      let body =
        #"{"expression": {"type": "PQL", "format": "pql/text", "value": "loyalty.points >"}}"#
      let error = await #expect(throws: PlatformAPIError.self) {
        try await convert(body, port: port)
      }
      guard case .platform(let status, let text, _) = error else {
        Issue.record("expected a Platform error")
        return
      }
      #expect(status == 400)
      #expect(text.contains("Invalid PQL"))
      #expect(text.contains("expression:1:"))
    }
  }
}
