/// The body of a successful `POST /ims/token/v3`: `{"access_token", "token_type", "expires_in"}`.
///
/// `expires_in` is in seconds (86399 for a day). The token is a ``Secret``.
public struct IMSToken: Sendable, Codable, Equatable {
  /// The bearer token.
  public var accessToken: Secret
  /// Always `bearer`.
  public var tokenType: String
  /// Lifetime in seconds.
  public var expiresIn: Int

  /// Creates a token body.
  public init(accessToken: Secret, tokenType: String = "bearer", expiresIn: Int) {
    self.accessToken = accessToken
    self.tokenType = tokenType
    self.expiresIn = expiresIn
  }

  enum CodingKeys: String, CodingKey {
    case accessToken = "access_token"
    case tokenType = "token_type"
    case expiresIn = "expires_in"
  }
}

/// The OAuth 2 error body IMS returns for a refused token request:
/// `{"error": "invalid_client", "error_description": "..."}`.
public struct IMSError: Sendable, Codable, Equatable {
  /// The OAuth error code (`invalid_client`, `invalid_scope`, ...).
  public var error: String
  /// A sentence explaining it.
  public var errorDescription: String?

  /// Creates an error body.
  public init(error: String, errorDescription: String?) {
    self.error = error
    self.errorDescription = errorDescription
  }

  enum CodingKeys: String, CodingKey {
    case error
    case errorDescription = "error_description"
  }
}
