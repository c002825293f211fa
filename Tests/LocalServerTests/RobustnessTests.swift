import Foundation
import LabCore
import LocalServer
import PlatformAPI
import ServiceLifecycle
import Testing

/// Hostile requests (issue 14) over real loopback sockets: each gets a 4xx in the Platform's
/// error shape, and the server answers the next request normally.
@Suite struct RobustnessTests {
  /// A server on the persona sandbox with a token, and a way to send raw requests.
  private struct Harness {
    let port: Int
    let headers: [HeaderField]

    /// Sends a request with the gateway headers (and a JSON body when given).
    func send(_ method: String, _ path: String, body: String? = nil) async throws
      -> TransportResponse
    {
      var all = headers
      if body != nil { all.append(HeaderField("Content-Type", "application/json")) }
      return try await TestServer.raw(method, port: port, path: path, headers: all, body: body)
    }

    /// The decoded JSON body of `response`.
    func json(_ response: TransportResponse) throws -> JSONValue {
      try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
    }

    /// Checks the server still answers a plain call.
    func expectStillServing() async throws {
      let response = try await send("GET", "/data/core/ups/segment/definitions")
      #expect(response.status == 200)
    }
  }

  private func withHarness(
    _ configuration: LocalServerConfiguration = TestServer.configuration(),
    backend: (any PlatformBackend)? = nil, _ body: (Harness) async throws -> Void
  ) async throws {
    let backend = try backend ?? SandboxBackend(sandbox: PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(configuration, backend: backend) { port in
      let token = try await TestServer.token(port: port)
      try await body(Harness(port: port, headers: TestServer.headers(token: token)))
    }
  }

  /// Expects an RFC 7807 400 whose detail mentions `fragment`.
  private func expectProblem400(_ response: TransportResponse, mentioning fragment: String)
    throws
  {
    #expect(response.status == 400)
    let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
    #expect(body["title"]?.stringValue == "BadRequestError")
    #expect(body["status"]?.intValue == 400)
    #expect(body["detail"]?.stringValue?.contains(fragment) == true, "\(body)")
  }

  // MARK: - Case 1: numbers from outside

  @Test(arguments: [
    "/data/core/ups/segment/jobs?start=-1", "/data/core/ups/segment/jobs?limit=-5",
    "/data/core/ups/segment/jobs?limit=0", "/data/core/ups/segment/jobs?start=abc",
    "/data/core/ups/segment/jobs?limit=9223372036854775807",
    "/data/core/ups/segment/definitions?start=-1",
    "/data/core/ups/segment/definitions?limit=9223372036854775807",
    "/data/core/ups/export/jobs?limit=-1",
  ])
  func pagingNumbersOutOfRangeAre400(path: String) async throws {
    try await withHarness { server in
      let response = try await server.send("GET", path)
      let name = path.contains("start=") ? "start" : "limit"
      try expectProblem400(response, mentioning: "'\(name)'")
      try await server.expectStillServing()
    }
  }

  @Test func eventTimesAndLimitsOutOfRangeAre400() async throws {
    try await withHarness { server in
      let identity =
        "entityIdNS=email&entityId=jane%2Bdoe%40example.com&schema.name=_xdm.context.experienceevent"
      for query in ["limit=-1", "startTime=99999999999999999999", "endTime=x"] {
        let response = try await server.send(
          "GET", "/data/core/ups/access/entities?\(identity)&\(query)")
        #expect(response.status == 400, "\(query)")
        let body = try server.json(response)
        #expect(body["statusCode"]?.stringValue == "400")
      }
      try await server.expectStillServing()
    }
  }

  // MARK: - Cases 2 and 11: bounded PQL

  private static let deepPath = "person" + String(repeating: ".a", count: 8000) + " = 1"
  private static let deepFilters =
    "xEvent" + String(repeating: "[true]", count: 3000) + ".count() > 0"

  private static func definition(_ pql: String) -> String {
    JSONValue.object([
      "name": "deep", "expression": ["type": "PQL", "format": "pql/text", "value": .string(pql)],
    ]).serialized()
  }

  @Test func aPathOrFilterChainThousandsOfStepsLongIs400Everywhere() async throws {
    try await withHarness { server in
      let deepParentheses =
        String(repeating: "(", count: 5000) + "true" + String(repeating: ")", count: 5000)
      let deepNots = String(repeating: "not ", count: 5000) + "true"
      let deepLists =
        "x in " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
      for pql in [Self.deepPath, Self.deepFilters, deepParentheses, deepNots, deepLists] {
        let conversion = try await server.send(
          "POST", "/data/core/ups/segment/conversion", body: Self.definition(pql))
        try expectProblem400(conversion, mentioning: "nested too deeply")
        let created = try await server.send(
          "POST", "/data/core/ups/segment/definitions", body: Self.definition(pql))
        #expect(created.status == 400)
        let preview = try await server.send(
          "POST", "/data/core/ups/preview",
          body: JSONValue.object(["predicateExpression": .string(pql)]).serialized())
        #expect(preview.status == 400)
      }
      try await server.expectStillServing()
    }
  }

  @Test func aDeepPQLJSONTreeIs400() async throws {
    var tree: JSONValue = ["nodeType": "literal", "literalType": "Boolean", "value": true]
    for _ in 0..<400 { tree = ["nodeType": "fnApply", "fnName": "not", "params": [tree]] }
    let body = JSONValue.object([
      "name": "deep",
      "expression": ["type": "PQL", "format": "pql/json", "value": .string(tree.serialized())],
    ]).serialized()
    try await withHarness { server in
      let response = try await server.send("POST", "/data/core/ups/segment/conversion", body: body)
      try expectProblem400(response, mentioning: "nested too deeply")
      try await server.expectStillServing()
    }
  }

  @Test func aFlatChainOf256OrTermsIsAccepted() async throws {
    let pql = (0..<256).map { #"person.gender = "g\#($0)""# }.joined(separator: " or ")
    try await withHarness { server in
      let conversion = try await server.send(
        "POST", "/data/core/ups/segment/conversion", body: Self.definition(pql))
      #expect(conversion.status == 200)
      let created = try await server.send(
        "POST", "/data/core/ups/segment/definitions", body: Self.definition(pql))
      #expect(created.status == 200)
    }
  }

  // MARK: - Case 3: regexes and the request timeout

  @Test func aCatastrophicRegexPreviewIsAnsweredAndTheServerGoesOn() async throws {
    let pql =
      #"person.name.firstName.matches("^(a+)+$") or "aaaaaaaaaaaaaaaaaaaaaaaaa!".matches("^(a+)+$")"#
    try await withHarness { server in
      let preview = try await server.send(
        "POST", "/data/core/ups/preview",
        body: JSONValue.object(["predicateExpression": .string(pql)]).serialized())
      #expect(preview.status == 201)
      let lookahead = try await server.send(
        "POST", "/data/core/ups/preview",
        body: JSONValue.object(["predicateExpression": #"person.gender.matches("(?=f)")"#])
          .serialized())
      try expectProblem400(lookahead, mentioning: "not supported")
      try await server.expectStillServing()
    }
  }

  @Test func theRequestTimeoutAnswers504AndStopsTheWork() async throws {
    var configuration = TestServer.configuration()
    // Long enough that the quick request after it never times out on a loaded CI machine
    // (300 ms did once, with the whole suite running on two cores).
    configuration.requestTimeout = .seconds(2)
    let backend = StallingBackend()
    try await TestServer.with(configuration, backend: backend) { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "GET", port: port, path: "/data/core/ups/segment/definitions",
        headers: TestServer.headers(token: token))
      #expect(response.status == 504)
      let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
      #expect(body["title"]?.stringValue == "GatewayTimeoutError")
      #expect(await backend.waitUntilStopped())
      let next = try await TestServer.raw(
        "GET", port: port, path: "/data/core/idnamespace/identities",
        headers: TestServer.headers(token: token))
      #expect(next.status == 200)
    }
  }

  @Test func aShutdownStopsTheWorkInFlightAndAnswers503() async throws {
    let backend = StallingBackend()
    let box = PortBox()
    let app = buildApplication(configuration: TestServer.configuration(), backend: backend) {
      await box.set($0)
    }
    let group = ServiceGroup(
      configuration: .init(services: [app], logger: TestServer.silentLogger))
    let running = Task { try await group.run() }
    defer { running.cancel() }
    var port: Int?
    for _ in 0..<1000 where port == nil {
      port = await box.port
      if port == nil { try await Task.sleep(for: .milliseconds(10)) }
    }
    let bound = try #require(port)
    let token = try await TestServer.token(port: bound)
    let request = Task {
      try await TestServer.raw(
        "GET", port: bound, path: "/data/core/ups/segment/definitions",
        headers: TestServer.headers(token: token))
    }
    #expect(await backend.waitUntilStarted())
    await group.triggerGracefulShutdown()
    let response = try await request.value
    #expect(response.status == 503)
    #expect(await backend.waitUntilStopped())
    try await running.value
  }

  // MARK: - Cases 6 and 15: what the API accepts

  @Test func namespaceCodesWithControlCharactersAre400NeverA500() async throws {
    try await withHarness { server in
      for code in [#"Tab\tCode"#, #"Nul\u0000Code"#, #"Nul\u0000Code"#] {
        let body = #"{"name": "Bad \#(code.count)", "code": "\#(code)", "idType": "CROSS_DEVICE"}"#
        let response = try await server.send(
          "POST", "/data/core/idnamespace/identities", body: body)
        #expect(response.status == 400, "\(code)")
        #expect(try server.json(response)["title"]?.stringValue == "BadRequestError")
      }
      try await server.expectStillServing()
    }
  }

  @Test func aSegmentDefinitionErrorNamesTheFieldAndDeleteAnswersAStatusBody() async throws {
    try await withHarness { server in
      let badTime =
        #"{"name": "w", "creationTime": "yesterday", "expression": {"type": "PQL", "format": "pql/text", "value": "true"}}"#
      let refused = try await server.send(
        "POST", "/data/core/ups/segment/definitions", body: badTime)
      try expectProblem400(refused, mentioning: "'creationTime'")
      #expect(try server.json(refused)["detail"]?.stringValue?.contains("expression") == false)

      let extra =
        #"{"name": "w", "bogus": {"x": 1}, "expression": {"type": "PQL", "format": "pql/text", "value": "true", "extra": 2}}"#
      let created = try await server.send("POST", "/data/core/ups/segment/definitions", body: extra)
      #expect(created.status == 200)
      let definition = try server.json(created)
      #expect(definition["bogus"] == nil)
      #expect(definition[path: ["expression", "extra"]] == nil)
      let id = try #require(definition["id"]?.stringValue)
      let deleted = try await server.send("DELETE", "/data/core/ups/segment/definitions/\(id)")
      #expect(deleted.status == 200)
      #expect(try server.json(deleted)["status"] == .bool(true))
    }
  }

  // MARK: - Cases 13 and 14: connections

  @Test func aPartialRequestHeadIsClosedByTheServer() async throws {
    var configuration = TestServer.configuration()
    configuration.connectionTimeouts = ConnectionTimeouts(
      header: .milliseconds(300), idle: .milliseconds(300), read: .milliseconds(300))
    try await withHarness(configuration) { server in
      let partialHead = try RawConnection(port: server.port)
      partialHead.send("GET /data/core/ups/segment/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n")
      #expect(partialHead.readUntilClosed().closedByServer)

      let partialBody = try RawConnection(port: server.port)
      partialBody.send(
        "POST /data/core/ups/segment/definitions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")
      #expect(partialBody.readUntilClosed().closedByServer)

      let silent = try RawConnection(port: server.port)
      #expect(silent.readUntilClosed().closedByServer)
      try await server.expectStillServing()
    }
  }

  @Test func aMalformedChunkSizeIs400() async throws {
    try await withHarness { server in
      let connection = try RawConnection(port: server.port)
      connection.send(
        "POST /data/core/ups/segment/definitions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + server.headers.map { "\($0.name): \($0.value)\r\n" }.joined()
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "zz\r\n{}\r\n0\r\n\r\n")
      let (text, _) = connection.readUntilClosed()
      #expect(RawConnection.status(of: text) == 400, "\(text.prefix(300))")
      #expect(RawConnection.body(of: text).contains("BadRequestError"))
      try await server.expectStillServing()
    }
  }
}

/// A backend whose every answer runs until its ``WorkBudget`` is stopped, as a runaway
/// evaluation would, and records that it was.
private actor StallingBackendState {
  var started = false
  var stopped = false
  func markStarted() { started = true }
  func markStopped() { stopped = true }
}

/// See ``StallingBackendState``.
private struct StallingBackend: PlatformBackend {
  let state = StallingBackendState()

  var sandbox: SandboxDescriptor {
    SandboxDescriptor(sandboxId: "sb-1", sandboxName: "prod", type: "production", default: true)
  }

  func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue {
    if case .listNamespaces = operation { return [] }
    let budget = WorkBudget.current
    await state.markStarted()
    while budget?.isStopped != true {
      try? await Task.sleep(for: .milliseconds(10))
    }
    await state.markStopped()
    throw .internalFailure("stopped")
  }

  /// Whether some work started (waiting a little for it).
  func waitUntilStarted() async -> Bool {
    for _ in 0..<500 {
      if await state.started { return true }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return false
  }

  /// Whether the work saw its budget stopped (waiting a little for it to notice).
  func waitUntilStopped() async -> Bool {
    for _ in 0..<500 {
      if await state.stopped { return true }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return false
  }
}
