/// A test hook that answers the next few Platform calls with `429`, so retries can be tested
/// against the real server.
actor ThrottleHook {
  private var remaining: Int
  private let delayMilliseconds: Int

  /// Creates a hook that throttles `count` calls, each asking for `delayMilliseconds`.
  init(count: Int, delayMilliseconds: Int = 50) {
    remaining = count
    self.delayMilliseconds = delayMilliseconds
  }

  /// The delay to ask for if this call is throttled, else `nil`.
  func take() -> Int? {
    guard remaining > 0 else { return nil }
    remaining -= 1
    return delayMilliseconds
  }
}
