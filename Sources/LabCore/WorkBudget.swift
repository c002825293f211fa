import Synchronization

/// A stop signal for long work (segment evaluation, regex matching), checked cooperatively at
/// safe points: whoever started the work (the server's request timeout, a shutdown) stops the
/// budget, and the work ends at its next check instead of running on unobserved.
///
/// The budget in force is a task-local value, so it reaches work started in child tasks and,
/// bound with `WorkBudget.$current.withValue(_:operation:)`, work on a thread of its own.
///
/// For example:
///
/// ```swift
/// let budget = WorkBudget()
/// WorkBudget.$current.withValue(budget) { evaluateEveryProfile() }  // checks `isStopped`
/// budget.stop(reason: "the request took longer than 30 s")          // from another thread
/// ```
public final class WorkBudget: Sendable {
  /// The budget of the work running now, if any.
  @TaskLocal public static var current: WorkBudget?

  /// Why the work was stopped, once it was.
  private let stopReason = Mutex<String?>(nil)
  /// Whether the work was stopped (read without the lock at every check).
  private let stopped = Atomic<Bool>(false)

  /// Creates a budget that runs until stopped.
  public init() {}

  /// Whether the work should end now.
  public var isStopped: Bool { stopped.load(ordering: .relaxed) }

  /// Why the work was stopped, or `nil` while it may go on.
  public var reason: String? { stopReason.withLock { $0 } }

  /// Asks the work to end at its next check; the first reason given is kept.
  public func stop(reason: String) {
    stopReason.withLock { current in
      if current == nil { current = reason }
    }
    stopped.store(true, ordering: .relaxed)
  }
}
