/// The body the Platform's API gateway returns when a request fails its checks:
/// `{"error_code": "401013", "message": "Oauth token is not valid"}`.
public struct GatewayError: Sendable, Codable, Equatable {
  /// The gateway's code; its first three digits are the HTTP status.
  public var errorCode: String
  /// The gateway's message.
  public var message: String

  /// Creates a gateway error body.
  public init(errorCode: String, message: String) {
    self.errorCode = errorCode
    self.message = message
  }

  enum CodingKeys: String, CodingKey {
    case errorCode = "error_code"
    case message
  }
}

extension GatewayError {
  /// No `Authorization` header (HTTP 403).
  public static let tokenMissing = GatewayError(
    errorCode: "403010", message: "Oauth token is missing.")
  /// A token that is malformed, unknown or expired (HTTP 401).
  public static let tokenInvalid = GatewayError(
    errorCode: "401013", message: "Oauth token is not valid")
  /// No `x-api-key` header (HTTP 403).
  public static let apiKeyMissing = GatewayError(
    errorCode: "403000", message: "Api Key is required")
  /// An `x-api-key` that is not the client the token was issued to (HTTP 403).
  public static let apiKeyInvalid = GatewayError(errorCode: "403003", message: "Api Key is invalid")
  /// No `x-gw-ims-org-id` header (HTTP 400).
  public static let orgMissing = GatewayError(errorCode: "400003", message: "Missing header")
  /// An org the caller is not entitled to (HTTP 403).
  public static let orgNotEntitled = GatewayError(
    errorCode: "403025", message: "Profile is not valid")
}
