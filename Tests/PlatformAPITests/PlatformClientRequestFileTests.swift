import PlatformAPI
import Testing

/// `PlatformClient.send(_:)` for a request of an `.http` file, over a scripted transport.
@Suite struct PlatformClientRequestFileTests {
  let credentials = PlatformCredentials(
    clientID: "client", clientSecret: Secret("p8e-secret"), orgID: "ORG@AdobeOrg",
    sandboxName: "dev", imsURL: "https://ims.test", platformURL: "https://platform.test")

  static let template = RequestTemplate(
    method: "GET",
    url: "https://platform.adobe.io/data/core/ups/access/entities?entityId=%2B32473622044",
    headers: [
      HeaderField("Authorization", "Bearer {{ACCESS_TOKEN}}"),
      HeaderField("x-api-key", "{{API_KEY}}"), HeaderField("x-gw-ims-org-id", "{{IMS_ORG}}"),
      HeaderField("x-sandbox-name", "{{SANDBOX_NAME}}"),
    ], body: nil, line: 1)

  @Test func theVariablesComeFromTheCredentialsAndTheToken() async throws {
    let transport = ScriptedTransport([
      PlatformClientTests.token, TransportResponse(status: 200, body: Array("{}".utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    let response = try await client.send(Self.template)
    #expect(response.status == 200)
    let call = try #require(transport.sent.last)
    #expect(
      call.url == "https://platform.test/data/core/ups/access/entities?entityId=%2B32473622044")
    #expect(call.header("Authorization") == "Bearer tok-1")
    #expect(call.header("x-api-key") == "client")
    #expect(call.header("x-gw-ims-org-id") == "ORG@AdobeOrg")
    #expect(call.header("x-sandbox-name") == "dev")
  }

  @Test func aClientErrorIsReturnedNotThrown() async throws {
    let transport = ScriptedTransport([
      PlatformClientTests.token,
      TransportResponse(status: 404, body: Array(#"{"title":"Not found"}"#.utf8)),
    ])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    let response = try await client.send(Self.template)
    #expect(response.status == 404)
    #expect(response.bodyText.contains("Not found"))
  }

  @Test func aFileWithoutTheTokenAsksIMSForNone() async throws {
    let transport = ScriptedTransport([TransportResponse(status: 200)])
    let client = PlatformClient(credentials: credentials, transport: transport, sleep: { _ in })
    let template = RequestTemplate(
      method: "GET", url: "https://platform.adobe.io/x", headers: [], body: nil, line: 1)
    _ = try await client.send(template)
    #expect(transport.sent.map(\.url) == ["https://platform.test/x"])
  }

  /// Hands out a token, then fails every call with its URL (token included) in the message.
  struct FailingTransport: HTTPTransport {
    func send(_ request: TransportRequest) async throws(PlatformAPIError) -> TransportResponse {
      if request.url.hasSuffix("/ims/token/v3") { return PlatformClientTests.token }
      throw .transport(code: 7, message: "could not connect for \(request.url) p8e-secret")
    }
  }

  @Test func errorsCarryNeitherTheSecretNorTheToken() async throws {
    let client = PlatformClient(
      credentials: credentials, transport: FailingTransport(), retryPolicy: RetryPolicy(),
      sleep: { _ in })
    let template = RequestTemplate(
      method: "GET", url: "https://platform.adobe.io/x?t={{ACCESS_TOKEN}}", headers: [],
      body: nil, line: 3)
    let error = await #expect(throws: PlatformAPIError.self) {
      _ = try await client.send(template)
    }
    let message = error?.errorDescription ?? ""
    #expect(message.contains("https://platform.test/x?t="))
    #expect(!message.contains("p8e-secret"))
    #expect(!message.contains("tok-1"))
  }

  @Test func anUnknownVariableIsInvalidInput() async throws {
    let client = PlatformClient(
      credentials: credentials, transport: ScriptedTransport([]), sleep: { _ in })
    let template = RequestTemplate(
      method: "GET", url: "https://platform.adobe.io/x", headers: [HeaderField("x", "{{NOPE}}")],
      body: nil, line: 3)
    let error = await #expect(throws: PlatformAPIError.self) {
      _ = try await client.send(template)
    }
    #expect(error?.errorDescription?.contains("there is no variable 'NOPE'") == true)
  }
}
