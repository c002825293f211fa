import Foundation

/// The Platform API client: one method per call the tutorial makes, each sent with the
/// Platform's headers through an ``HTTPTransport`` (libcurl by default).
///
/// Every call carries `Authorization: Bearer`, `x-api-key`, `x-gw-ims-org-id`,
/// `x-sandbox-name`, `Accept` and a fresh `x-request-id`; a body adds `Content-Type`. A `401`
/// gets one more try with a new token. Errors never contain the client secret or a token.
///
/// For example:
///
/// ```swift
/// let client = PlatformClient(credentials: credentials)
/// let reply = try await client.getProfile(namespace: "email", id: "jane+doe@example.com")
/// print(reply.bodyText)
/// ```
public struct PlatformClient: Sendable {
  /// The credentials and base URLs in use.
  public let credentials: PlatformCredentials
  /// Hides this client's secrets (and any token) in text.
  public let redactor: Redactor
  let transport: any HTTPTransport
  private let tokens: IMSTokenProvider

  /// Creates a client.
  ///
  /// `transport` is the raw transport, wrapped here with `retryPolicy` and `trace`;
  /// `tokenCache` keeps tokens between runs (`nil`: in memory only); `sleep` is how retries
  /// wait and `now` the clock (tests inject both).
  public init(
    credentials: PlatformCredentials, transport: any HTTPTransport = CurlTransport(),
    retryPolicy: RetryPolicy = RetryPolicy(), tokenCache: TokenCache? = nil,
    trace: TraceHandler? = nil,
    sleep: @escaping RetryingTransport.Sleeper = { try? await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
  ) {
    self.credentials = credentials
    let redactor = Redactor(secrets: credentials.secrets)
    self.redactor = redactor
    let retrying = RetryingTransport(
      base: transport, policy: retryPolicy, redactor: redactor, trace: trace, sleep: sleep)
    self.transport = retrying
    tokens = IMSTokenProvider(
      credentials: credentials, transport: retrying, cache: tokenCache, now: now)
  }

  /// An access token for these credentials, cached or new.
  public func accessToken(forceRefresh: Bool = false) async throws(PlatformAPIError)
    -> TokenCache.Entry
  {
    try await tokens.token(forceRefresh: forceRefresh)
  }

  /// Sends one Platform call and returns the 2xx reply.
  ///
  /// `path` starts with `/data/...`; `query` is encoded here, so a `+` is sent as `%2B`. A
  /// non-2xx answer throws ``PlatformAPIError/platform(status:body:requestID:)`` with the body
  /// as written.
  public func send(
    _ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
    headers extraHeaders: [HeaderField] = []
  ) async throws(PlatformAPIError) -> PlatformReply {
    var url = credentials.platformURL + path
    if !query.isEmpty { url += (path.contains("?") ? "&" : "?") + QueryString.encode(query) }
    let requestID = UUID().uuidString.lowercased()
    var response = try await exchange(
      method, url: url, body: body, headers: extraHeaders, requestID: requestID,
      forceRefresh: false)
    if response.status == 401 {
      await tokens.invalidate()
      response = try await exchange(
        method, url: url, body: body, headers: extraHeaders, requestID: requestID,
        forceRefresh: true)
    }
    guard response.isSuccess else {
      throw .platform(
        status: response.status, body: redactor.redact(response.bodyText), requestID: requestID)
    }
    return PlatformReply(
      status: response.status, headers: response.headers, body: response.body,
      requestID: requestID)
  }

  private func exchange(
    _ method: String, url: String, body: [UInt8]?, headers extraHeaders: [HeaderField],
    requestID: String, forceRefresh: Bool
  ) async throws(PlatformAPIError) -> TransportResponse {
    let token = try await tokens.token(forceRefresh: forceRefresh)
    var headers = [
      HeaderField("Authorization", "Bearer " + token.accessToken.revealed),
      HeaderField("x-api-key", credentials.clientID),
      HeaderField("x-gw-ims-org-id", credentials.orgID),
      HeaderField("x-sandbox-name", credentials.sandboxName),
      HeaderField("Accept", "application/json"),
      HeaderField("x-request-id", requestID),
    ]
    if body != nil { headers.append(HeaderField("Content-Type", "application/json")) }
    headers += extraHeaders
    return try await transport.send(
      TransportRequest(method: method, url: url, headers: headers, body: body))
  }

  /// `body` encoded as JSON.
  static func encode(_ body: some Encodable) throws(PlatformAPIError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return Array(try encoder.encode(body))
    } catch {
      throw .invalidInput("The request body could not be encoded as JSON.")
    }
  }
}
