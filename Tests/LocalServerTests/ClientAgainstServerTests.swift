import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Synchronization
import Testing

/// The real client, through libcurl, against the real server on a loopback socket.
@Suite struct ClientAgainstServerTests {
  @Test func clientGetsATokenAndListsNamespaces() async throws {
    try await TestServer.with { port in
      let client = TestServer.client(port: port)
      let reply = try await client.listNamespaces()
      let namespaces = try reply.decode([NamespaceDocument].self)
      #expect(reply.status == 200)
      #expect(namespaces.map(\.code) == ["ECID", "Email"])
    }
  }

  @Test func aPlusInAnEmailArrivesIntact() async throws {
    try await TestServer.with { port in
      let reply = try await TestServer.client(port: port).getProfile(
        namespace: "email", id: StubSandbox.email)
      let body = try reply.json()
      #expect(
        body[path: ["XID1", "entity", "personalEmail", "address"]] == .string(StubSandbox.email))
    }
  }

  @Test func anUnencodedPlusIsReadAsASpaceAndFindsNobody() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "GET", port: port,
        path:
          "/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=jane+doe@example.com&entityIdNS=email",
        headers: TestServer.headers(token: token))
      #expect(response.status == 404)
      #expect(response.bodyText.contains("jane doe@example.com"))
      #expect(response.bodyText.contains(#""statusCode":"404""#))
      let hint = PlatformErrorHint.sentence(status: response.status, body: response.bodyText)
      #expect(hint?.contains("%2B") == true)
    }
  }

  @Test func eventsAndIdentityClusterAreServed() async throws {
    try await TestServer.with { port in
      let client = TestServer.client(port: port)
      let events = try await client.getEvents(namespace: "phone", id: "+15555550123", limit: 10)
      #expect(try events.json()["echo"] == "+15555550123")
      let cluster = try await client.getIdentityCluster(namespace: "email", id: StubSandbox.email)
      #expect(try cluster.json()[path: ["clusters"]]?.arrayValue?.count == 1)
    }
  }

  @Test func aSegmentDefinitionIsPostedWithItsBody() async throws {
    try await TestServer.with { port in
      let definition = SegmentDefinition(
        name: "All female customers",
        expression: SegmentExpression(value: #"person.gender in ["female"]"#))
      let reply = try await TestServer.client(port: port).createSegmentDefinition(definition)
      let created = try reply.decode(SegmentDefinition.self)
      #expect(created.id == "seg-1")
      #expect(created.expression == definition.expression)
    }
  }

  @Test func aGraphOverFiftyIdentitiesIsRefusedWith422() async throws {
    try await TestServer.with { port in
      let error = await #expect(throws: PlatformAPIError.self) {
        try await TestServer.client(port: port).getProfile(
          namespace: "email", id: StubSandbox.bigGraphEmail)
      }
      guard case .platform(let status, let body, _) = error else {
        Issue.record("expected a Platform error, got \(String(describing: error))")
        return
      }
      #expect(status == 422)
      #expect(body.contains("Too many related identities"))
      #expect(error?.errorDescription?.contains("more than 50") == true)
    }
  }

  @Test func throttledCallsAreRetriedAfterTheServersDelay() async throws {
    try await TestServer.with(TestServer.configuration(throttles: 2)) { port in
      let waits = Mutex<[Duration]>([])
      let events = Mutex<[TraceEvent]>([])
      let client = PlatformClient(
        credentials: TestServer.credentials(port: port), transport: CurlTransport(),
        trace: { event in events.withLock { $0.append(event) } },
        sleep: { duration in waits.withLock { $0.append(duration) } })
      let reply = try await client.listNamespaces()
      #expect(reply.status == 200)
      #expect(waits.withLock { $0 } == [.milliseconds(0), .milliseconds(0)])
      let statuses = events.withLock { $0 }.filter { $0.url.contains("/data/") }.map(\.status)
      #expect(statuses == [429, 429, 200])
    }
  }

  @Test func anExpiredTokenIsReplacedOnTheNext401() async throws {
    let clock = TestClock()
    var configuration = TestServer.configuration(clock: clock)
    configuration.tokenLifetimeSeconds = 600
    try await TestServer.with(configuration) { port in
      let client = TestServer.client(port: port, now: { clock.now - 10_000 })
      _ = try await client.listNamespaces()
      let first = try await client.accessToken()
      clock.advance(by: 3600)
      // The client's own clock still trusts the token; the server's 401 makes it fetch another.
      let reply = try await client.listNamespaces()
      #expect(reply.status == 200)
      let second = try await client.accessToken()
      #expect(first.accessToken != second.accessToken)
    }
  }

  @Test func wrongClientSecretIsRefusedWithoutEchoingIt() async throws {
    try await TestServer.with { port in
      let wrong = "wrong-secret-0815"
      let error = await #expect(throws: PlatformAPIError.self) {
        try await TestServer.client(port: port, secret: wrong).listNamespaces()
      }
      guard case .authentication(let status, _) = error else {
        Issue.record("expected an authentication error, got \(String(describing: error))")
        return
      }
      #expect(status == 400)
      #expect(error?.errorDescription?.contains(wrong) == false)
      #expect(error?.errorDescription?.contains("invalid_client") == true)
    }
  }

  @Test func tracesNeverContainTheSecretOrToken() async throws {
    try await TestServer.with { port in
      let lines = Mutex<[String]>([])
      let client = TestServer.client(
        port: port, trace: { event in lines.withLock { $0.append(event.line) } })
      _ = try await client.getProfile(namespace: "email", id: StubSandbox.email)
      let token = try await client.accessToken().accessToken.revealed
      let all = lines.withLock { $0 }.joined(separator: "\n")
      #expect(all.contains("POST http://127.0.0.1:\(port)/ims/token/v3 → 200"))
      #expect(all.contains("entityId=jane%2Bdoe%40example.com"))
      #expect(!all.contains(TestServer.secret))
      #expect(!all.contains(token))
    }
  }
}
