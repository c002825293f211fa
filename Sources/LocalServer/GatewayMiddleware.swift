import Foundation
import Hummingbird
import PlatformAPI

/// The checks the Platform's API gateway makes before a call reaches a service, in its order,
/// with its error codes: the bearer token, `x-api-key`, `x-gw-ims-org-id`, `x-sandbox-name`,
/// and a JSON `Content-Type` on bodies.
///
/// Only paths under `/data/` are checked; `/` and the local IMS are open.
struct GatewayMiddleware<Context: RequestContext>: RouterMiddleware {
  let issuer: TokenIssuer
  let orgID: String?
  let sandboxName: String
  let throttle: ThrottleHook

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard request.uri.path.hasPrefix("/data/") else { return try await next(request, context) }
    try await check(request)
    if let delay = await throttle.take() {
      throw APIError.throttled(retryAfterMilliseconds: delay)
    }
    return try await next(request, context)
  }

  private func check(_ request: Request) async throws(APIError) {
    let headers = request.headers
    guard let authorization = headers[.authorization], !authorization.isEmpty else {
      throw .gateway(.tokenMissing)
    }
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else {
      throw .gateway(.tokenInvalid)
    }
    let clientID: String
    switch await issuer.verify(String(parts[1]).trimmingCharacters(in: .whitespaces)) {
    case .valid(let owner): clientID = owner
    case .expired, .unknown: throw .gateway(.tokenInvalid)
    }
    guard let apiKey = request.headerValue("x-api-key"), !apiKey.isEmpty else {
      throw .gateway(.apiKeyMissing)
    }
    guard apiKey == clientID else { throw .gateway(.apiKeyInvalid) }
    guard let org = request.headerValue("x-gw-ims-org-id"), !org.isEmpty else {
      throw .gateway(.orgMissing)
    }
    if let orgID, org != orgID { throw .gateway(.orgNotEntitled) }
    guard let sandbox = request.headerValue("x-sandbox-name"), !sandbox.isEmpty else {
      throw APIError.sandboxMissing
    }
    guard sandbox == sandboxName else {
      throw APIError.sandboxUnknown(sandbox, served: sandboxName)
    }
    let allowed = RouteCatalog.methods(forPath: request.uri.path)
    if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
      throw APIError.methodNotAllowed(
        method: request.method.rawValue, path: request.uri.path, allowed: allowed)
    }
    if [.post, .put, .patch].contains(request.method) {
      let contentType = headers[.contentType]?.lowercased() ?? ""
      guard contentType.contains("json") else { throw APIError.contentTypeMissing }
    }
  }
}
