import LabCore
import ServiceLifecycle
import Synchronization

/// Bounds how long the engine may take over one request.
///
/// Past the limit the server answers `504` at once and stops the work's ``WorkBudget``, so the
/// evaluation ends at its next check instead of holding a core. A server shutting down
/// (SIGTERM) or a cancelled request stops it the same way.
enum RequestTimeout {
  /// The result of `work`, or ``APIError/timedOut(after:)`` after `limit`.
  ///
  /// The answer never waits for the work to notice: the caller gets its error at the limit.
  static func run<Value: Sendable>(
    limit: Duration, _ work: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    let budget = WorkBudget()
    let outcome = Outcome<Value>()
    return try await withTaskCancellationOrGracefulShutdownHandler {
      try await withCheckedThrowingContinuation { continuation in
        outcome.install(continuation)
        let worker = Task {
          do {
            let value = try await WorkBudget.$current.withValue(budget) { try await work() }
            outcome.finish(.success(value))
          } catch {
            outcome.finish(.failure(error))
          }
        }
        let deadline = DeadlineWatch.shared.schedule(at: .now + limit) {
          budget.stop(reason: "the request took longer than \(limit.components.seconds) s")
          outcome.finish(.failure(APIError.timedOut(after: limit)))
          worker.cancel()
        }
        outcome.onFinish { DeadlineWatch.shared.cancel(deadline) }
      }
    } onCancelOrGracefulShutdown: {
      budget.stop(reason: "the server is shutting down")
      outcome.finish(.failure(APIError.shuttingDown))
    }
  }

  /// The one answer of a race between the work, the timer and a shutdown: the first to finish
  /// resumes the caller; the others are ignored.
  private final class Outcome<Value: Sendable>: Sendable {
    /// The waiting caller, the answer if it came before the caller waited, and what to run
    /// once answered.
    private let state = Mutex<State>(State())

    /// The mutable part.
    private struct State {
      var continuation: CheckedContinuation<Value, any Error>?
      var early: Result<Value, any Error>?
      var finished = false
      var onFinish: [@Sendable () -> Void] = []
    }

    /// Registers the caller; resumes it at once if the answer is already known.
    func install(_ continuation: CheckedContinuation<Value, any Error>) {
      let early = state.withLock { state -> Result<Value, any Error>? in
        if let early = state.early { return early }
        state.continuation = continuation
        return nil
      }
      if let early { continuation.resume(with: early) }
    }

    /// Runs `action` once the answer is known (at once if it is).
    func onFinish(_ action: @escaping @Sendable () -> Void) {
      let finished = state.withLock { state -> Bool in
        if !state.finished { state.onFinish.append(action) }
        return state.finished
      }
      if finished { action() }
    }

    /// Gives the answer, if none was given yet.
    func finish(_ result: Result<Value, any Error>) {
      let (continuation, actions) = state.withLock {
        state -> (CheckedContinuation<Value, any Error>?, [@Sendable () -> Void]) in
        guard !state.finished else { return (nil, []) }
        state.finished = true
        let continuation = state.continuation
        state.continuation = nil
        if continuation == nil { state.early = result }
        let actions = state.onFinish
        state.onFinish = []
        return (continuation, actions)
      }
      continuation?.resume(with: result)
      for action in actions { action() }
    }
  }
}
