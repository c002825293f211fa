/// One attempt of one HTTP call, as `--trace` shows it: method, URL, status and timing.
///
/// The URL has sensitive query values hidden; no header, body or token is ever part of it.
public struct TraceEvent: Sendable, Equatable {
  /// The HTTP method.
  public var method: String
  /// The URL with secrets redacted.
  public var url: String
  /// The status, or `nil` when the exchange failed.
  public var status: Int?
  /// How long the attempt took, in milliseconds.
  public var milliseconds: Int
  /// The call's `x-request-id`, if it had one.
  public var requestID: String?
  /// The attempt number, 1 for the first.
  public var attempt: Int
  /// The failure, when there was no response (already redacted).
  public var failure: String?

  /// Creates an event.
  public init(
    method: String, url: String, status: Int?, milliseconds: Int, requestID: String?,
    attempt: Int, failure: String? = nil
  ) {
    self.method = method
    self.url = url
    self.status = status
    self.milliseconds = milliseconds
    self.requestID = requestID
    self.attempt = attempt
    self.failure = failure
  }

  /// One line: `GET https://... → 200 (35 ms, x-request-id ...)`.
  public var line: String {
    var text = "\(method) \(url) → " + (status.map(String.init) ?? "failed")
    text += " (\(milliseconds) ms"
    if attempt > 1 { text += ", attempt \(attempt)" }
    if let requestID { text += ", x-request-id \(requestID)" }
    text += ")"
    if let failure { text += ": \(failure)" }
    return text
  }
}

/// Receives one ``TraceEvent`` per attempt.
public typealias TraceHandler = @Sendable (TraceEvent) -> Void
