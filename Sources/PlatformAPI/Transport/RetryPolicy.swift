import Foundation
import LabCore

/// When and how long to wait before sending a request again.
///
/// A `429` or `503` is retried for any method (the server did not act on it); other `5xx`
/// statuses only for idempotent methods, so a `POST` that may have created something is never
/// repeated. The wait is the server's `Retry-After` header (seconds or an HTTP date) or the
/// `retryAfterMs` in a Platform error body, else an exponential backoff; it never exceeds
/// ``maxDelay``.
public struct RetryPolicy: Sendable, Equatable {
  /// Attempts in all, the first included.
  public var maxAttempts: Int
  /// The first backoff; each later one doubles.
  public var baseDelay: Duration
  /// The longest single wait.
  public var maxDelay: Duration

  /// Creates a policy (4 attempts, 0.5 s doubling, at most 30 s by default).
  public init(
    maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500),
    maxDelay: Duration = .seconds(30)
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
  }

  /// A policy that never retries.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// Whether a `method` request that got `status` may be sent again.
  public func shouldRetry(status: Int, method: String) -> Bool {
    if status == 429 || status == 503 { return true }
    let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
    return idempotent && (500...599).contains(status) && status != 501
  }

  /// How long to wait after `response`, the answer to attempt number `attempt` (1-based).
  public func delay(after response: TransportResponse, attempt: Int, now: Date = Date()) -> Duration
  {
    let backoff = baseDelay * (1 << min(max(attempt - 1, 0), 16))
    let wait = Self.serverDelay(in: response, now: now) ?? backoff
    return min(max(wait, .zero), maxDelay)
  }

  /// The wait the server asked for, from `Retry-After` or a body's `retryAfterMs`.
  public static func serverDelay(in response: TransportResponse, now: Date = Date()) -> Duration? {
    if let header = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) {
      if let seconds = Double(header) { return .milliseconds(Int(seconds * 1000)) }
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "GMT")
      formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
      if let date = formatter.date(from: header) {
        return .milliseconds(Int(max(0, date.timeIntervalSince(now)) * 1000))
      }
    }
    guard let body = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)) else {
      return nil
    }
    // Profile access answers 429 with an array of errors, each carrying retryAfterMs.
    let candidates = body.arrayValue ?? [body]
    for candidate in candidates {
      if let milliseconds = candidate["retryAfterMs"]?.numberValue
        ?? candidate["retryAfterMs"]?.stringValue.flatMap(Double.init)
      {
        return .milliseconds(Int(milliseconds))
      }
    }
    return nil
  }
}
