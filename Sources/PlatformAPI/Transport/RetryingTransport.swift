/// Wraps a transport with retries (``RetryPolicy``) and tracing (``TraceEvent``).
///
/// Every attempt is traced with its URL redacted by the ``Redactor``; transport failures leave
/// with their message redacted too.
public struct RetryingTransport: HTTPTransport {
  /// Pauses between attempts; tests pass one that records instead of sleeping.
  public typealias Sleeper = @Sendable (Duration) async -> Void

  /// The transport doing the exchanges.
  public var base: any HTTPTransport
  /// When to retry.
  public var policy: RetryPolicy
  /// Hides secrets in traces and errors.
  public var redactor: Redactor
  /// Where trace events go, if anywhere.
  public var trace: TraceHandler?
  /// How to wait.
  public var sleep: Sleeper

  /// Creates a retrying transport.
  public init(
    base: any HTTPTransport, policy: RetryPolicy = RetryPolicy(),
    redactor: Redactor = Redactor(secrets: []), trace: TraceHandler? = nil,
    sleep: @escaping Sleeper = { try? await Task.sleep(for: $0) }
  ) {
    self.base = base
    self.policy = policy
    self.redactor = redactor
    self.trace = trace
    self.sleep = sleep
  }

  /// Sends `request`, retrying as the policy allows; returns the last response.
  public func send(_ request: TransportRequest) async throws(PlatformAPIError) -> TransportResponse
  {
    let clock = ContinuousClock()
    var attempt = 1
    while true {
      let start = clock.now
      let response: TransportResponse
      do {
        response = try await base.send(request)
      } catch {
        let redacted = redactedError(error)
        emit(
          request, status: nil, since: start, attempt: attempt, failure: redacted.errorDescription)
        throw redacted
      }
      emit(request, status: response.status, since: start, attempt: attempt, failure: nil)
      guard attempt < policy.maxAttempts,
        policy.shouldRetry(status: response.status, method: request.method)
      else { return response }
      await sleep(policy.delay(after: response, attempt: attempt))
      attempt += 1
    }
  }

  private func emit(
    _ request: TransportRequest, status: Int?, since start: ContinuousClock.Instant, attempt: Int,
    failure: String?
  ) {
    guard let trace else { return }
    let elapsed = ContinuousClock.now - start
    let milliseconds =
      Int(elapsed.components.seconds * 1000)
      + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    trace(
      TraceEvent(
        method: request.method, url: redactor.redact(request.url), status: status,
        milliseconds: milliseconds, requestID: request.header("x-request-id"), attempt: attempt,
        failure: failure.map(redactor.redact)))
  }

  private func redactedError(_ error: PlatformAPIError) -> PlatformAPIError {
    if case .transport(let code, let message) = error {
      return .transport(code: code, message: redactor.redact(message))
    }
    return error
  }
}
