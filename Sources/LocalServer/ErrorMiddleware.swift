import Hummingbird

/// Turns every error thrown below it into the Platform's error response (see ``APIError``).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      let apiError = APIError.from(error, method: request.method.rawValue, path: request.uri.path)
      return try apiError.response(from: request, context: context)
    }
  }
}
