import Foundation

/// Everything that can go wrong talking to the Platform (or to `aep-lab serve`).
///
/// Messages never contain a client secret or a token: the client scrubs them with
/// ``Redactor`` before an error leaves it.
public enum PlatformAPIError: Error, Sendable, Equatable {
  /// The exchange itself failed: no connection, a timeout, a TLS failure (libcurl's code).
  case transport(code: Int, message: String)
  /// The server answered with a non-2xx status; `body` is what it wrote.
  case platform(status: Int, body: String, requestID: String)
  /// IMS refused the credentials or returned something unusable.
  case authentication(status: Int, message: String)
  /// No usable configuration: which setting is missing and how to provide it.
  case notConfigured(String)
  /// A configuration or token-cache file could not be read or written.
  case configurationFile(path: String, reason: String)
  /// A 2xx response whose body did not have the expected shape.
  case unexpectedResponse(String)
  /// Caller input the client refuses before sending (an empty identity value, ...).
  case invalidInput(String)
}

extension PlatformAPIError: LocalizedError {
  /// A sentence saying what happened and what to do next.
  public var errorDescription: String? {
    switch self {
    case .transport(let code, let message):
      return "The request did not complete: \(message) (libcurl error \(code)). "
        + TransportHint.sentence(forCurlCode: code)
    case .platform(let status, let body, let requestID):
      var text = "The server answered HTTP \(status): \(body.isEmpty ? "(empty body)" : body)"
      if let hint = PlatformErrorHint.sentence(status: status, body: body) {
        text += "\n" + hint
      }
      if !requestID.isEmpty { text += "\n(x-request-id \(requestID))" }
      return text
    case .authentication(let status, let message):
      return "Adobe IMS refused the token request (HTTP \(status)): \(message) Check the client "
        + "ID, client secret and scopes with 'aep-lab api configure'."
    case .notConfigured(let message):
      return message
    case .configurationFile(let path, let reason):
      return "Could not use '\(path)': \(reason)"
    case .unexpectedResponse(let message):
      return "The response was not what the Platform sends: \(message)"
    case .invalidInput(let message):
      return message
    }
  }
}
