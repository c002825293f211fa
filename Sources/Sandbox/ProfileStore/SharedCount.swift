import Foundation

/// A count that threads add to together: the graphs a store build has taken in, or the runs of
/// graphs handed out so far.
final class SharedCount: @unchecked Sendable {
  // `count` is guarded by `lock`.
  private let lock = NSLock()
  private var count = 0

  /// Adds `amount` to the count and returns the new count.
  func add(_ amount: Int) -> Int {
    lock.withLock {
      count += amount
      return count
    }
  }
}
