import Foundation

/// Runs blocking work (SQLite reads and writes) on a thread of its own, never on the Swift
/// concurrency pool, whose two threads also serve every request (TOOLCHAIN P6).
enum BlockingWork {
  /// The result of `work`, computed on a dedicated thread.
  static func run<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
  ) async throws(Failure) -> Value {
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
      let thread = Thread {
        continuation.resume(returning: Result { () throws(Failure) in try work() })
      }
      thread.name = "aep-lab.sandbox"
      thread.start()
    }
    return try result.get()
  }
}
