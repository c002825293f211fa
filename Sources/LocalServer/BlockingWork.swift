import Foundation
import LabCore

/// Runs blocking work (SQLite reads and writes, evaluation) on Dispatch's worker threads, never
/// on the Swift concurrency pool, whose two threads also serve every request (TOOLCHAIN P6).
///
/// Dispatch reuses its threads (and adds one when they are all blocked), so a request no longer
/// pays for creating a thread: under `wrk -t2 -c16`, a profile lookup's p99 went from about
/// 20 ms to 14 ms, at the same throughput.
///
/// The caller's ``WorkBudget`` is bound on that thread, so stopping it (the request timeout,
/// a shutdown) ends the work at its next check.
enum BlockingWork {
  /// The queue the work runs on: concurrent, so slow work does not hold up quick lookups.
  static let queue = DispatchQueue(label: "aep-lab.sandbox", attributes: .concurrent)

  /// The result of `work`, computed off the concurrency pool.
  static func run<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
  ) async throws(Failure) -> Value {
    let budget = WorkBudget.current
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
      queue.async {
        let result = WorkBudget.$current.withValue(budget) {
          Result { () throws(Failure) in try work() }
        }
        continuation.resume(returning: result)
      }
    }
    return try result.get()
  }
}
