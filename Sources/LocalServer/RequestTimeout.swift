/// Bounds how long the engine may take over one request; past the limit the server answers
/// `504` (the engine's work is abandoned, not waited for).
enum RequestTimeout {
  /// The result of `work`, or ``APIError/timedOut(after:)`` after `limit`.
  static func run<Value: Sendable>(
    limit: Duration, _ work: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
      group.addTask { try await work() }
      group.addTask {
        try await Task.sleep(for: limit)
        throw APIError.timedOut(after: limit)
      }
      defer { group.cancelAll() }
      guard let first = try await group.next() else { throw APIError.timedOut(after: limit) }
      return first
    }
  }
}
