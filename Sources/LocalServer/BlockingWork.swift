import Foundation
import LabCore

/// Runs blocking work (SQLite reads and writes, evaluation) on a thread of its own, never on
/// the Swift concurrency pool, whose two threads also serve every request (TOOLCHAIN P6).
///
/// The caller's ``WorkBudget`` is bound on that thread, so stopping it (the request timeout,
/// a shutdown) ends the work at its next check.
enum BlockingWork {
  /// The result of `work`, computed on a dedicated thread.
  static func run<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
  ) async throws(Failure) -> Value {
    let budget = WorkBudget.current
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
      let thread = Thread {
        let result = WorkBudget.$current.withValue(budget) {
          Result { () throws(Failure) in try work() }
        }
        continuation.resume(returning: result)
      }
      thread.name = "aep-lab.sandbox"
      thread.start()
    }
    return try result.get()
  }
}
