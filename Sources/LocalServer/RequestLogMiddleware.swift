import Hummingbird
import Logging
import PlatformAPI

/// Logs one line per request: method, path, status, time and `x-request-id` (echoed back).
///
/// Sensitive query values are hidden; no header value, body or token is ever logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  let logger: Logger

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let start = ContinuousClock.now
    var response = try await next(request, context)
    let elapsed = ContinuousClock.now - start
    let milliseconds =
      elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    var line =
      "\(request.method.rawValue) \(Redactor.redactURL(request.uri.string)) \(response.status.code) "
      + "\(milliseconds) ms"
    if let requestID = request.headerValue("x-request-id") {
      line += " x-request-id=\(requestID)"
      // Echoed, as the Platform does, so a client can match answers to its log.
      if let name = HTTPFields.Element.Name("x-request-id") { response.headers[name] = requestID }
    }
    logger.info("\(line)")
    return response
  }
}
