import Foundation
import Hummingbird
import Identities
import LabCore
import NIOHTTP1
import PlatformAPI
import Profiles
import Sandbox
import Segmentation

/// Every error the local server sends, in the Platform's own shapes and status codes; the one
/// place where failures become HTTP.
///
/// Gateway failures use `{"error_code", "message"}`; profile-access failures use the Profile
/// service's `{"message", "cause", "statusCode"}` (status as a string); Identity Service
/// failures `{"title", "status", "description"}`; everything else RFC 7807
/// `{"type", "title", "status", "detail"}`; the local IMS answers OAuth's `{"error",
/// "error_description"}`.
struct APIError: Error, HTTPResponseError, Sendable {
  /// The HTTP status.
  var status: HTTPResponse.Status
  /// The JSON body.
  var body: JSONValue
  /// Extra headers (`Retry-After`).
  var headers: HTTPFields = [:]

  /// The response carrying this error.
  func response(from request: Request, context: some RequestContext) throws -> Response {
    JSONResponder.response(status: status, body: body, headers: headers)
  }

  // MARK: - Gateway

  /// A gateway check failed; the status comes from the code's first three digits.
  static func gateway(_ error: GatewayError, message: String? = nil) -> APIError {
    let status = Int(error.errorCode.prefix(3)) ?? 400
    return APIError(
      status: .init(code: status),
      body: ["error_code": .string(error.errorCode), "message": .string(message ?? error.message)])
  }

  /// `x-sandbox-name` is missing (lab choice: the gateway's "missing header" code, naming it).
  static let sandboxMissing = gateway(.orgMissing, message: "Missing header: x-sandbox-name")

  /// `x-sandbox-name` names a sandbox this server does not have.
  static func sandboxUnknown(_ name: String, served: String) -> APIError {
    APIError(
      status: .forbidden,
      body: [
        "error_code": "403027",
        "message": .string(
          "Sandbox '\(name)' is not available to this client; this server serves '\(served)'."),
      ])
  }

  /// A body was sent without a JSON `Content-Type`.
  static let contentTypeMissing = problem(
    .badRequest, title: "BadRequestError", detail: "A valid content-type must be specified")

  // MARK: - Generic

  /// An RFC 7807 body.
  static func problem(_ status: HTTPResponse.Status, title: String, detail: String) -> APIError {
    APIError(
      status: status,
      body: [
        "type": .string("https://ns.adobe.com/aep/errors/\(status.code)"),
        "title": .string(title), "status": .number(Double(status.code)),
        "detail": .string(detail),
      ])
  }

  /// No route for this method and path; names the nearest supported path.
  static func routeNotFound(method: String, path: String, nearest: String?) -> APIError {
    var detail = "There is no '\(method) \(path)' in this API."
    if let nearest { detail += " The nearest supported path is '\(nearest)'." }
    detail += " See GET / for the list."
    return problem(.notFound, title: "NotFoundError", detail: detail)
  }

  /// The path exists but not with this method: `405` with the `Allow` header.
  static func methodNotAllowed(method: String, path: String, allowed: [String]) -> APIError {
    var error = problem(
      .methodNotAllowed, title: "MethodNotAllowedError",
      detail: "'\(path)' does not take \(method); it takes \(allowed.joined(separator: ", ")).")
    error.headers[.allow] = allowed.joined(separator: ", ")
    return error
  }

  /// The body was larger than the limit.
  static func bodyTooLarge(limit: Int) -> APIError {
    problem(
      .contentTooLarge, title: "PayloadTooLargeError",
      detail: "The request body is larger than \(limit) bytes.")
  }

  /// The body was not JSON.
  static func malformedJSON(_ reason: String) -> APIError {
    problem(
      .badRequest, title: "BadRequestError", detail: "The request body is not valid JSON: \(reason)"
    )
  }

  /// A required query parameter or field is missing or invalid.
  static func badRequest(_ detail: String, family: ErrorFamily = .problem) -> APIError {
    backend(.invalidRequest(detail), family: family)
  }

  /// The request took longer than the server's limit.
  static func timedOut(after limit: Duration) -> APIError {
    problem(
      .gatewayTimeout, title: "GatewayTimeoutError",
      detail: "The request took longer than \(limit.components.seconds) s and was abandoned.")
  }

  /// The server began shutting down while the request was being answered.
  static let shuttingDown = problem(
    .serviceUnavailable, title: "ServiceUnavailableError",
    detail: "The server is shutting down; its work on this request was stopped. Start "
      + "'aep-lab serve' again and retry.")

  /// The request is not valid HTTP/1.1 (a malformed chunk size, header or request line).
  static func malformedHTTP(_ error: HTTPParserError) -> APIError {
    problem(
      .badRequest, title: "BadRequestError",
      detail: "The request is not valid HTTP/1.1 (\(error)); check the framing your client "
        + "sends, such as the chunk sizes of a chunked body.")
  }

  /// The test hook's simulated rate limit: the Profile service's 429 array, with Retry-After.
  static func throttled(retryAfterMilliseconds: Int) -> APIError {
    APIError(
      status: .tooManyRequests,
      body: [
        [
          "message": "Too many requests. Retry after the given delay.",
          "cause": "Rate limit exceeded", "retryAfterMs": .number(Double(retryAfterMilliseconds)),
          "statusCode": "429",
        ]
      ],
      headers: [.retryAfter: String(max(0, retryAfterMilliseconds / 1000))])
  }

  // MARK: - Local IMS

  /// An OAuth error from the local IMS.
  static func ims(_ status: HTTPResponse.Status, error: String, description: String) -> APIError {
    APIError(
      status: status,
      body: ["error": .string(error), "error_description": .string(description)])
  }

  // MARK: - Backend

  /// Which service's error shape a backend failure takes.
  enum ErrorFamily: Sendable {
    /// Profile access (`/data/core/ups/access/...`): `{message, cause, statusCode}`.
    case profileAccess
    /// Identity Service and namespaces: `{title, status, description}`.
    case identity
    /// Everything else: RFC 7807.
    case problem
  }

  /// A backend failure in the shape of the service that owns the path.
  static func backend(_ error: BackendError, family: ErrorFamily) -> APIError {
    let (status, title, message): (HTTPResponse.Status, String, String)
    switch error {
    case .notFound(let text): (status, title, message) = (.notFound, "NotFoundError", text)
    case .invalidRequest(let text):
      (status, title, message) = (.badRequest, "BadRequestError", text)
    case .unprocessable(let text):
      (status, title, message) = (.unprocessableContent, "UnprocessableEntityError", text)
    case .conflict(let text): (status, title, message) = (.conflict, "ConflictError", text)
    case .notImplemented(let text):
      (status, title, message) = (.notImplemented, "NotImplementedError", text)
    case .internalFailure(let text):
      (status, title, message) = (.internalServerError, "InternalServerError", text)
    }
    switch family {
    case .profileAccess:
      return APIError(
        status: status,
        body: [
          "message": .string(message), "cause": .string(title),
          "statusCode": .string(String(status.code)),
        ])
    case .identity:
      return APIError(
        status: status,
        body: [
          "title": .string(title), "status": .number(Double(status.code)),
          "description": .string(message),
        ])
    case .problem:
      return problem(status, title: title, detail: message)
    }
  }

  /// The family owning `path`.
  static func family(forPath path: String) -> ErrorFamily {
    if path.hasPrefix("/data/core/ups/access") { return .profileAccess }
    if path.hasPrefix("/data/core/identity") || path.hasPrefix("/data/core/idnamespace") {
      return .identity
    }
    return .problem
  }

  // MARK: - Catch-all

  /// Any error thrown while handling `method path`, as the Platform would show it.
  static func from(_ error: any Error, method: String, path: String) -> APIError {
    switch error {
    case let apiError as APIError:
      return apiError
    case let backendError as BackendError:
      return backend(backendError, family: family(forPath: path))
    case let parserError as HTTPParserError:
      return malformedHTTP(parserError)
    case let httpError as HTTPError where httpError.status == .notFound:
      let allowed = RouteCatalog.methods(forPath: path)
      if !allowed.isEmpty, !allowed.contains(method) {
        return methodNotAllowed(method: method, path: path, allowed: allowed)
      }
      return routeNotFound(
        method: method, path: path, nearest: RouteCatalog.nearest(to: path))
    case let httpError as any HTTPResponseError where httpError.status == .contentTooLarge:
      return problem(
        .contentTooLarge, title: "PayloadTooLargeError", detail: "The request body is too large.")
    case let httpError as HTTPError:
      return problem(
        httpError.status, title: httpError.status.reasonPhrase,
        detail: httpError.body ?? httpError.status.reasonPhrase)
    default:
      return problem(
        .internalServerError, title: "InternalServerError",
        detail: "The server failed to handle the request.")
    }
  }
}

// MARK: - Sandbox errors

extension APIError {
  /// A Sandbox service error as the backend failure it stands for.
  static func backendError(for error: SandboxError) -> BackendError {
    let message = error.errorDescription ?? "\(error)"
    switch error {
    case .profileNotFound(let identity) where identity.id.contains(" "):
      return .notFound(
        message + " A '+' sent unencoded in a query string arrives as a space: encode it as %2B.")
    case .profileNotFound: return .notFound(message)
    case .tooManyRelatedIdentities(_, let count, let limit):
      return .unprocessable(
        "Too many related identities: the graph has \(count) (more than \(limit)).")
    case .mergePolicy(.unknownMergePolicy): return .notFound(message)
    case .mergePolicy(.duplicateMergePolicyName), .identity(.duplicateNamespace):
      return .conflict(message)
    case .mergePolicy(.activeOnEdgeCannotBeDeleted), .mergePolicy(.defaultCannotBeDeleted):
      return .unprocessable(message)
    case .unknownNamespace, .unknownDataset, .invalidRequest, .mergePolicy, .identity:
      return .invalidRequest(message)
    case .pathNotFound, .nothingToIngest: return .notFound(message)
    case .unreadable, .invalidSchema, .storage: return .internalFailure(message)
    case .segmentation(let failure):
      switch failure {
      case .unknownSegment: return .notFound(message)
      case .duplicateName: return .unprocessable(message)
      default: return .invalidRequest(message)
      }
    }
  }
}
