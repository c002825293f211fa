import Dispatch

/// Lets go of `value` on another thread, so that freeing what it holds (many small objects,
/// parsed JSON say) does not hold up the caller.
func releaseInBackground<Value: Sendable>(_ value: Value) {
  DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
