/// Receives the port the server bound, for the task that waits on it.
actor PortBox {
  private var port: Int?

  func set(_ value: Int) { port = value }

  /// The port, once bound; `nil` after about five seconds or when `running` turns false.
  func wait(while running: @Sendable () -> Bool) async -> Int? {
    for _ in 0..<500 {
      if let port { return port }
      guard running() else { return nil }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return port
  }
}
