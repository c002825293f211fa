/// Why the check's server could not serve.
enum CheckServerError: Error, Sendable {
  /// The server did not report a bound port in time.
  case notStarted
}
