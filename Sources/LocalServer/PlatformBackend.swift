import LabCore
import PlatformAPI

/// What answers the Platform calls behind the local server: the Sandbox service in production,
/// a small stand-in in the server's own tests.
///
/// `answer(_:)` returns the response body in the Platform's shape; the server picks the status
/// code for the operation. Failures are ``BackendError`` values, which `APIError` maps to the
/// Platform's statuses and bodies. Implementations run SQLite work off the cooperative pool.
public protocol PlatformBackend: Sendable {
  /// The sandbox this backend serves (its name is what `x-sandbox-name` must say).
  var sandbox: SandboxDescriptor { get }

  /// Answers one call.
  func answer(_ operation: PlatformOperation) async throws(BackendError) -> JSONValue
}

/// Why a backend could not answer, in terms the server maps to HTTP.
public enum BackendError: Error, Sendable, Equatable {
  /// The thing asked for does not exist (404); the message names it.
  case notFound(String)
  /// The request is malformed or names something unknown, such as a namespace (400).
  case invalidRequest(String)
  /// The request is well-formed but cannot be done, such as a graph over 50 identities (422).
  case unprocessable(String)
  /// It clashes with what exists, such as a duplicate name (409).
  case conflict(String)
  /// This build has no engine for the call yet (501); the message says what is missing.
  case notImplemented(String)
  /// Something failed inside (500).
  case internalFailure(String)
}
