import Dispatch
import Testing

@testable import Sandbox

/// Work started on another thread and waited for when its value is read.
@Suite struct BackgroundWorkTests {
  @Test func theWorkRunsWhileTheCallerGoesOnAndItsValueIsKept() {
    let callerWentOn = DispatchSemaphore(value: 0)
    // Run in the initializer, the work would wait out its five seconds and say `false`.
    let work = BackgroundWork { callerWentOn.wait(timeout: .now() + 5) == .success }
    callerWentOn.signal()
    #expect(work.value)
    #expect(work.value, "read twice, the same value")
  }

  @Test func aValueHandedOverIsReleasedOnceTheOtherThreadIsDone() {
    final class Tracked: @unchecked Sendable {
      let released: DispatchSemaphore
      init(_ released: DispatchSemaphore) { self.released = released }
      deinit { released.signal() }
    }
    let released = DispatchSemaphore(value: 0)
    releaseInBackground(Tracked(released))
    #expect(released.wait(timeout: .now() + 5) == .success)
  }
}
