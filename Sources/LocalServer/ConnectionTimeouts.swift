/// How long a connection may keep the server waiting, so that a partial or silent request
/// cannot hold a connection open indefinitely.
public struct ConnectionTimeouts: Sendable, Equatable {
  /// From opening a connection to its first complete request head.
  public var header: Duration
  /// From a response's end to the next complete request head on a kept-alive connection.
  public var idle: Duration
  /// From a request head to the end of its body.
  public var read: Duration

  /// Creates the timeouts; the defaults are the lab's: 10 s, 60 s and 30 s.
  public init(
    header: Duration = .seconds(10), idle: Duration = .seconds(60), read: Duration = .seconds(30)
  ) {
    self.header = header
    self.idle = idle
    self.read = read
  }
}
