import Hummingbird
import LabCore

/// One supported Platform path: method, template, the operation it becomes and its success
/// status.
struct PlatformRoute: Sendable {
  /// The HTTP method.
  var method: HTTPRequest.Method
  /// The path template, with `{id}` for the one path parameter.
  var template: String
  /// The status sent on success.
  var success: HTTPResponse.Status
  /// Turns the request into an operation, or throws a 400.
  var operation: @Sendable (RouteInput) throws(APIError) -> PlatformOperation

  /// Whether the method carries a body.
  var hasBody: Bool { [.post, .put, .patch].contains(method) }
}
