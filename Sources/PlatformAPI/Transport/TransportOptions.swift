/// Settings of the libcurl transport: timeouts, redirects and trust.
///
/// TLS peer and host verification are always on; `caFile` adds a CA bundle (for a proxy or a
/// private CA) but nothing turns verification off. Proxies come from the environment
/// (`https_proxy`, `http_proxy`, `no_proxy`), which libcurl reads itself.
public struct TransportOptions: Sendable, Equatable {
  /// Seconds allowed to establish the connection.
  public var connectTimeoutSeconds: Int
  /// Seconds allowed for the whole exchange, body included.
  public var timeoutSeconds: Int
  /// Redirects followed before giving up.
  public var maxRedirects: Int
  /// A PEM file of CA certificates to trust instead of the system bundle.
  public var caFile: String?

  /// Creates options; the defaults suit the Platform (10 s to connect, 60 s in all, 5 redirects).
  public init(
    connectTimeoutSeconds: Int = 10, timeoutSeconds: Int = 60, maxRedirects: Int = 5,
    caFile: String? = nil
  ) {
    self.connectTimeoutSeconds = connectTimeoutSeconds
    self.timeoutSeconds = timeoutSeconds
    self.maxRedirects = maxRedirects
    self.caFile = caFile
  }
}
