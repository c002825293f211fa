import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// The gateway's checks, with the Platform's codes and bodies.
@Suite struct GatewayTests {
  private func body(_ response: TransportResponse) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
  }

  private let namespaces = "/data/core/idnamespace/identities"

  @Test func aMissingTokenIs403010() async throws {
    try await TestServer.with { port in
      let response = try await TestServer.raw("GET", port: port, path: namespaces)
      #expect(response.status == 403)
      #expect(try body(response)["error_code"] == "403010")
    }
  }

  @Test func anUnknownTokenIs401013() async throws {
    try await TestServer.with { port in
      let response = try await TestServer.raw(
        "GET", port: port, path: namespaces, headers: TestServer.headers(token: "made-up"))
      #expect(response.status == 401)
      #expect(
        try body(response) == ["error_code": "401013", "message": "Oauth token is not valid"])
    }
  }

  @Test func anExpiredTokenIs401013() async throws {
    let clock = TestClock()
    try await TestServer.with(TestServer.configuration(clock: clock)) { port in
      let token = try await TestServer.token(port: port)
      let fresh = try await TestServer.raw(
        "GET", port: port, path: namespaces, headers: TestServer.headers(token: token))
      #expect(fresh.status == 200)
      clock.advance(by: 3601)
      let expired = try await TestServer.raw(
        "GET", port: port, path: namespaces, headers: TestServer.headers(token: token))
      #expect(expired.status == 401)
      #expect(try body(expired)["error_code"] == "401013")
    }
  }

  @Test(arguments: [
    ("x-api-key", 403, "403000"), ("x-gw-ims-org-id", 400, "400003"),
    ("x-sandbox-name", 400, "400003"),
  ])
  func eachMissingHeaderHasItsCode(header: String, status: Int, code: String) async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let headers = TestServer.headers(token: token).filter { $0.name != header }
      let response = try await TestServer.raw("GET", port: port, path: namespaces, headers: headers)
      #expect(response.status == status)
      #expect(try body(response)["error_code"] == .string(code))
    }
  }

  @Test func aMissingSandboxHeaderGetsAHintNamingIt() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let headers = TestServer.headers(token: token).filter { $0.name != "x-sandbox-name" }
      let response = try await TestServer.raw("GET", port: port, path: namespaces, headers: headers)
      let hint = PlatformErrorHint.sentence(status: response.status, body: response.bodyText)
      #expect(hint?.contains("x-sandbox-name") == true)
    }
  }

  @Test func anApiKeyOtherThanTheTokensClientIs403003() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      var headers = TestServer.headers(token: token)
      headers[1] = HeaderField("x-api-key", "someone-else")
      let response = try await TestServer.raw("GET", port: port, path: namespaces, headers: headers)
      #expect(response.status == 403)
      #expect(try body(response)["error_code"] == "403003")
    }
  }

  @Test func aBodyWithoutContentTypeIsA400ProblemDetail() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "POST", port: port, path: "/data/core/ups/segment/definitions",
        headers: TestServer.headers(token: token) + [HeaderField("Content-Type", "text/plain")],
        body: "{}")
      #expect(response.status == 400)
      #expect(try body(response)["detail"] == "A valid content-type must be specified")
    }
  }

  @Test func anUnknownPathNamesTheNearestSupportedOne() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "GET", port: port, path: "/data/core/ups/acess/entities",
        headers: TestServer.headers(token: token))
      #expect(response.status == 404)
      let detail = try body(response)["detail"]?.stringValue ?? ""
      #expect(detail.contains("'/data/core/ups/access/entities'"))
    }
  }

  @Test func aBodyOverTheLimitIs413() async throws {
    var configuration = TestServer.configuration()
    configuration.maxBodyBytes = 64
    try await TestServer.with(configuration) { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "POST", port: port, path: "/data/core/ups/segment/definitions",
        headers: TestServer.headers(token: token) + [
          HeaderField("Content-Type", "application/json")
        ],
        body: #"{"name": "\#(String(repeating: "x", count: 200))"}"#)
      #expect(response.status == 413)
    }
  }

  @Test func malformedJSONIsA400() async throws {
    try await TestServer.with { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "POST", port: port, path: "/data/core/ups/segment/definitions",
        headers: TestServer.headers(token: token) + [
          HeaderField("Content-Type", "application/json")
        ],
        body: #"{"name": "#)
      #expect(response.status == 400)
      #expect(try body(response)["title"] == "BadRequestError")
    }
  }

  @Test func withoutAnEngineDataCallsAnswer501() async throws {
    try await TestServer.with(backend: nil) { port in
      let token = try await TestServer.token(port: port)
      let response = try await TestServer.raw(
        "GET", port: port, path: "/data/core/ups/segment/jobs/job-1",
        headers: TestServer.headers(token: token))
      #expect(response.status == 501)
    }
  }

  @Test func theRootPageNamesTheSandboxAndACurlExample() async throws {
    try await TestServer.with { port in
      let response = try await TestServer.raw("GET", port: port, path: "/")
      #expect(response.status == 200)
      #expect(response.bodyText.contains("<b>prod</b>"))
      #expect(response.bodyText.contains("curl -s -X POST"))
      #expect(response.bodyText.contains("/data/core/ups/segment/jobs/{id}"))
      #expect(!response.bodyText.contains(TestServer.secret))
    }
  }

  @Test func theLocalIMSRejectsAWrongSecret() async throws {
    try await TestServer.with { port in
      let response = try await TestServer.raw(
        "POST", port: port, path: "/ims/token/v3",
        headers: [HeaderField("Content-Type", "application/x-www-form-urlencoded")],
        body: "grant_type=client_credentials&client_id=\(TestServer.clientID)&client_secret=nope")
      #expect(response.status == 400)
      #expect(try body(response)["error"] == "invalid_client")
    }
  }
}

/// A backend that takes its time, to test the request timeout.
struct SlowBackend: PlatformBackend {
  var sandbox: SandboxDescriptor {
    SandboxDescriptor(sandboxId: "sb", sandboxName: "prod", type: "production", default: true)
  }

  func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue {
    try? await Task.sleep(for: .seconds(5))
    return []
  }
}

@Suite struct LimitsTests {
  @Test func aRequestOverTheTimeLimitIs504() async throws {
    var configuration = TestServer.configuration()
    configuration.requestTimeout = .milliseconds(200)
    try await TestServer.with(configuration, backend: SlowBackend()) { port in
      let token = try await TestServer.token(port: port)
      // The slow backend would answer 200 after 5 s: a 504 shows the limit ended the wait.
      let response = try await TestServer.raw(
        "GET", port: port, path: "/data/core/idnamespace/identities",
        headers: TestServer.headers(token: token))
      #expect(response.status == 504)
      #expect(response.bodyText.contains("GatewayTimeoutError"))
    }
  }
}

@Suite struct RequestIDTests {
  @Test func theRequestIDIsEchoed() async throws {
    try await TestServer.with { port in
      let response = try await TestServer.raw(
        "GET", port: port, path: "/", headers: [HeaderField("x-request-id", "req-42")])
      #expect(response.header("x-request-id") == "req-42")
    }
  }
}
