import Foundation

/// Gets IMS access tokens (OAuth server-to-server) and keeps them until shortly before they
/// expire, in memory and in the ``TokenCache`` file.
///
/// The request is `POST {ims}/ims/token/v3` with the form body `grant_type=client_credentials`,
/// `client_id`, `client_secret` and `scope`.
public actor IMSTokenProvider {
  private let credentials: PlatformCredentials
  private let transport: any HTTPTransport
  private let cache: TokenCache?
  private let now: @Sendable () -> Double
  private var current: TokenCache.Entry?

  /// Creates a provider; `now` gives seconds since 1970 (injected by tests).
  public init(
    credentials: PlatformCredentials, transport: any HTTPTransport, cache: TokenCache?,
    now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
  ) {
    self.credentials = credentials
    self.transport = transport
    self.cache = cache
    self.now = now
  }

  /// How long before expiry a token is replaced: a tenth of its life, at most five minutes.
  static func margin(forLifetime seconds: Int) -> Double {
    min(300, Double(seconds) / 10)
  }

  /// A valid access token: the one in memory or in the cache file, else a new one from IMS.
  public func token(forceRefresh: Bool = false) async throws(PlatformAPIError) -> TokenCache.Entry {
    let time = now()
    if !forceRefresh {
      if let current, current.expiresAt > time { return current }
      if let cached = cache?.token(
        clientID: credentials.clientID, imsURL: credentials.imsURL, now: time, margin: 0)
      {
        current = cached
        return cached
      }
    }
    let fresh = try await requestToken()
    current = fresh
    try? cache?.store(fresh)
    return fresh
  }

  /// Forgets the current token (after the Platform answered 401).
  public func invalidate() {
    current = nil
    cache?.clear()
  }

  private func requestToken() async throws(PlatformAPIError) -> TokenCache.Entry {
    let form = QueryString.encode([
      ("grant_type", "client_credentials"),
      ("client_id", credentials.clientID),
      ("client_secret", credentials.clientSecret.revealed),
      ("scope", credentials.scopes),
    ])
    let request = TransportRequest(
      method: "POST", url: credentials.imsURL + "/ims/token/v3",
      headers: [
        HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        HeaderField("Accept", "application/json"),
        HeaderField("x-request-id", UUID().uuidString.lowercased()),
      ],
      body: Array(form.utf8))
    let requested = now()
    let response = try await transport.send(request)
    let redactor = Redactor(secrets: credentials.secrets)
    guard response.isSuccess else {
      let body = try? JSONDecoder().decode(IMSError.self, from: Data(response.body))
      let message =
        body.map { "\($0.error)\($0.errorDescription.map { ": " + $0 } ?? "")." }
        ?? (response.bodyText.isEmpty ? "no details given." : response.bodyText)
      throw .authentication(status: response.status, message: redactor.redact(message))
    }
    guard let token = try? JSONDecoder().decode(IMSToken.self, from: Data(response.body)),
      !token.accessToken.isEmpty
    else {
      throw .unexpectedResponse(
        "IMS answered HTTP \(response.status) without an 'access_token'. Check the IMS URL "
          + "'\(credentials.imsURL)'.")
    }
    let usableUntil =
      requested + Double(token.expiresIn) - Self.margin(forLifetime: token.expiresIn)
    return TokenCache.Entry(
      accessToken: token.accessToken, expiresAt: usableUntil, clientID: credentials.clientID,
      imsURL: credentials.imsURL)
  }
}
