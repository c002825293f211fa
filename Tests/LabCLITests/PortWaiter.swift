/// Receives the port the server bound.
actor PortWaiter {
  private var port: Int?

  func set(_ value: Int) { port = value }

  /// The port, waiting up to five seconds for it.
  func value() async -> Int? {
    for _ in 0..<500 {
      if let port { return port }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return port
  }
}
