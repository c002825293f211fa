import Dispatch
import Testing

@testable import Sandbox

/// A value handed over to be freed on another thread.
@Suite struct ReleaseInBackgroundTests {
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
