import LabCore
import PlatformAPI

/// What a route needs from a request to build its ``PlatformOperation``.
struct RouteInput: Sendable {
  /// The decoded query parameters.
  var query: QueryParameters
  /// The `{id}` path parameter, if the route has one.
  var id: String
  /// The JSON body, for methods that carry one.
  var body: JSONValue?

  /// The body, or a 400 saying one is needed.
  func requireBody() throws(APIError) -> JSONValue {
    guard let body else { throw APIError.badRequest("This call needs a JSON body.") }
    return body
  }
}
