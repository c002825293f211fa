import Synchronization
import Testing

@testable import LocalServer

/// The shared watch fires what passed its deadline, and nothing cancelled.
struct DeadlineWatchTests {
  @Test func aDueActionFiresAndACancelledOneDoesNot() async throws {
    let watch = DeadlineWatch(tick: .milliseconds(5))
    let fired = Mutex<[String]>([])
    let start = ContinuousClock.now
    _ = watch.schedule(at: start + .milliseconds(30)) { fired.withLock { $0.append("due") } }
    let cancelled = watch.schedule(at: start + .milliseconds(30)) {
      fired.withLock { $0.append("cancelled") }
    }
    watch.cancel(cancelled)
    for _ in 0..<400 where fired.withLock({ $0.isEmpty }) {
      try await Task.sleep(for: .milliseconds(5))
    }
    #expect(fired.withLock { $0 } == ["due"])
    #expect(ContinuousClock.now - start >= .milliseconds(30), "not before its deadline")
    // A deadline scheduled after the watch went idle starts it again.
    _ = watch.schedule(at: .now) { fired.withLock { $0.append("again") } }
    for _ in 0..<400 where fired.withLock({ $0.count < 2 }) {
      try await Task.sleep(for: .milliseconds(5))
    }
    #expect(fired.withLock { $0 } == ["due", "again"])
  }
}
