import Foundation
import PlatformAPI
import Synchronization
import Testing

/// A transport that answers from a script and records what it was sent.
final class ScriptedTransport: HTTPTransport {
  private let state: Mutex<(responses: [TransportResponse], sent: [TransportRequest])>

  init(_ responses: [TransportResponse]) {
    state = Mutex((responses, []))
  }

  var sent: [TransportRequest] { state.withLock { $0.sent } }

  func send(_ request: TransportRequest) async throws(PlatformAPIError) -> TransportResponse {
    state.withLock { state in
      state.sent.append(request)
      return state.responses.isEmpty
        ? TransportResponse(status: 500) : state.responses.removeFirst()
    }
  }
}

@Suite struct PlatformClientTests {
  static let token = TransportResponse(
    status: 200,
    body: Array(#"{"access_token":"tok-1","token_type":"bearer","expires_in":86399}"#.utf8))

  let credentials = PlatformCredentials(
    clientID: "client", clientSecret: Secret("p8e-secret"), orgID: "ORG@AdobeOrg",
    sandboxName: "prod", imsURL: "https://ims.test", platformURL: "https://platform.test")

  @Test func theTokenRequestIsTheOAuthForm() async throws {
    let transport = ScriptedTransport([Self.token])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    let token = try await client.accessToken()
    #expect(token.accessToken.revealed == "tok-1")
    let request = try #require(transport.sent.first)
    #expect(request.url == "https://ims.test/ims/token/v3")
    #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
    let form = String(decoding: request.body ?? [], as: UTF8.self)
    #expect(
      form.hasPrefix(
        "grant_type=client_credentials&client_id=client&client_secret=p8e-secret&scope="))
  }

  @Test func everyCallCarriesThePlatformHeaders() async throws {
    let transport = ScriptedTransport([
      Self.token, TransportResponse(status: 200, body: Array("[]".utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    _ = try await client.listNamespaces()
    let call = try #require(transport.sent.last)
    #expect(call.url == "https://platform.test/data/core/idnamespace/identities")
    #expect(call.header("Authorization") == "Bearer tok-1")
    #expect(call.header("x-api-key") == "client")
    #expect(call.header("x-gw-ims-org-id") == "ORG@AdobeOrg")
    #expect(call.header("x-sandbox-name") == "prod")
    #expect(call.header("x-request-id")?.isEmpty == false)
    #expect(call.header("Content-Type") == nil)
  }

  @Test func retriesKeepTheRequestID() async throws {
    let transport = ScriptedTransport([
      Self.token, TransportResponse(status: 429, headers: [HeaderField("Retry-After", "0")]),
      TransportResponse(status: 200, body: Array("[]".utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    _ = try await client.listNamespaces()
    let ids = transport.sent.dropFirst().map { $0.header("x-request-id") }
    #expect(ids.count == 2)
    #expect(ids[0] == ids[1])
  }

  @Test func a401FetchesANewTokenOnce() async throws {
    let second = TransportResponse(
      status: 200,
      body: Array(#"{"access_token":"tok-2","token_type":"bearer","expires_in":86399}"#.utf8))
    let transport = ScriptedTransport([
      Self.token, TransportResponse(status: 401, body: Array(#"{"error_code":"401013"}"#.utf8)),
      second, TransportResponse(status: 200, body: Array("[]".utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    let reply = try await client.listNamespaces()
    #expect(reply.status == 200)
    #expect(transport.sent.last?.header("Authorization") == "Bearer tok-2")
  }

  @Test func aPlatformErrorKeepsItsBodyAndAddsAHint() async throws {
    let transport = ScriptedTransport([
      Self.token,
      TransportResponse(
        status: 400, body: Array(#"{"error_code":"400003","message":"Missing header"}"#.utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    await #expect {
      _ = try await client.getProfile(namespace: "email", id: "a@b.c")
    } throws: { error in
      let text = (error as? PlatformAPIError)?.errorDescription ?? ""
      return text.contains(#""message":"Missing header""#) && text.contains("x-gw-ims-org-id")
    }
  }

  @Test func anEmptyIdentityIsRefusedBeforeSending() async {
    let transport = ScriptedTransport([])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    await #expect(throws: PlatformAPIError.self) {
      _ = try await client.getProfile(namespace: "email", id: "")
    }
    #expect(transport.sent.isEmpty)
  }

  @Test func aTokenIsReusedUntilShortlyBeforeItExpires() async throws {
    let clock = Mutex(0.0)
    let transport = ScriptedTransport([Self.token, Self.token])
    let client = PlatformClient(
      credentials: credentials, transport: transport, sleep: { _ in },
      now: { clock.withLock { $0 } })
    _ = try await client.accessToken()
    clock.withLock { $0 = 80_000 }
    _ = try await client.accessToken()
    #expect(transport.sent.count == 1)
    clock.withLock { $0 = 86_200 }  // inside the last five minutes
    _ = try await client.accessToken()
    #expect(transport.sent.count == 2)
  }
}
