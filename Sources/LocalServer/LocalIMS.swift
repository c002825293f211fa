import Hummingbird
import LabCore
import PlatformAPI

/// The local stand-in for Adobe IMS: `POST /ims/token/v3` with the OAuth server-to-server form.
///
/// It accepts the configured client ID and secret (any non-empty pair if none were configured)
/// and issues tokens that ``GatewayMiddleware`` verifies.
struct LocalIMS: Sendable {
  let issuer: TokenIssuer
  let clientID: String?
  let clientSecret: Secret?
  let maxBodyBytes: Int

  /// Answers one token request.
  func token(_ request: Request) async throws -> Response {
    var request = request
    let body = try await request.collectBody(upTo: maxBodyBytes)
    // Adobe accepts the fields as a form body or as query parameters.
    let form = QueryParameters(String(buffer: body))
    let query = QueryParameters(request.uri.query)
    func field(_ name: String) -> String { form[name] ?? query[name] ?? "" }

    guard field("grant_type") == "client_credentials" else {
      throw APIError.ims(
        .badRequest, error: "unsupported_grant_type",
        description: "grant_type must be 'client_credentials'.")
    }
    let id = field("client_id")
    let secret = field("client_secret")
    guard !id.isEmpty else {
      throw APIError.ims(
        .badRequest, error: "invalid_request", description: "missing client_id parameter")
    }
    guard !secret.isEmpty else {
      throw APIError.ims(
        .badRequest, error: "invalid_request", description: "missing client_secret parameter")
    }
    if let clientID, id != clientID {
      throw APIError.ims(
        .badRequest, error: "invalid_client", description: "invalid client_id parameter")
    }
    if let clientSecret, secret != clientSecret.revealed {
      throw APIError.ims(
        .badRequest, error: "invalid_client", description: "invalid client_secret parameter")
    }
    let issued = await issuer.issue(to: id)
    return JSONResponder.response(
      status: .ok,
      body: [
        "access_token": .string(issued.token), "token_type": "bearer",
        "expires_in": .number(Double(issued.expiresIn)),
      ])
  }
}
