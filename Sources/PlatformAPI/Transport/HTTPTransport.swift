/// Sends one HTTP request and returns the response, whatever its status.
///
/// A non-2xx status is a response, not an error; only a failed exchange (no connection, timeout,
/// TLS failure) throws ``PlatformAPIError/transport(code:message:)``. Implementations never block
/// the Swift concurrency pool: ``CurlTransport`` runs its blocking transfer on a thread of its own.
public protocol HTTPTransport: Sendable {
  /// Performs `request`.
  func send(_ request: TransportRequest) async throws(PlatformAPIError) -> TransportResponse
}
