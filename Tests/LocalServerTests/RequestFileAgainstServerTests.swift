import LabCore
import PlatformAPI
import Testing

/// `.http` request files and event paging, sent by the real client to a real server.
@Suite struct RequestFileAgainstServerTests {
  static func file(phone: String) -> String {
    """
    ### The tutorial's call, by phone
    GET https://platform.adobe.io/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=\(phone)&entityIdNS=phone
    Authorization: Bearer {{ACCESS_TOKEN}}
    x-api-key: {{API_KEY}}
    x-gw-ims-org-id: {{IMS_ORG}}
    x-sandbox-name: {{SANDBOX_NAME}}

    """
  }

  @Test func aRequestFileGetsTheProfileBack() async throws {
    try await TestServer.withPersona { client, _ in
      let file = try HTTPRequestFile.parse(Self.file(phone: "%2B15555550123"), path: "p.http")
      let response = try await client.send(try file.request(nil))
      #expect(response.status == 200)
      let body = try JSONParser.parse(response.bodyText)
      let fragment = try #require(body.objectValue?.values.first)
      #expect(fragment[path: ["entity", "person", "name", "firstName"]] == .string("Jane"))
    }
  }

  @Test func aLiteralPlusIsSentAsWrittenAndFindsNobody() async throws {
    try await TestServer.withPersona { client, _ in
      let file = try HTTPRequestFile.parse(Self.file(phone: "+15555550123"), path: "p.http")
      let response = try await client.send(try file.request(nil))
      #expect(response.status == 404)
    }
  }

  @Test func allEventsFollowsEveryNextLink() async throws {
    try await TestServer.withPersona { client, _ in
      let merged = try await client.getAllEvents(
        namespace: "email", id: PersonaFixture.email, limit: 1)
      #expect(merged.pages == 3)
      let ids = merged.response["children"]?.arrayValue?.compactMap { $0["entityId"]?.stringValue }
      #expect(ids == ["evt-1", "evt-2", "evt-3"])
      #expect(merged.response[path: ["_page", "count"]] == .number(3))
      #expect(merged.response[path: ["_links", "next", "href"]] == .string(""))
    }
  }

  @Test func startAsksForThePageAtThatEvent() async throws {
    try await TestServer.withPersona { client, _ in
      let reply = try await client.getEvents(
        namespace: "email", id: PersonaFixture.email, limit: 1, start: "evt-2")
      let body = try reply.json()
      #expect(body[path: ["children"]]?.arrayValue?.first?["entityId"] == .string("evt-2"))
      #expect(body[path: ["_page", "next"]] == .string("evt-3"))
    }
  }
}
