import Foundation

/// A queue from one thread to another: items in order, then an end (or a failure); the
/// receiver can cancel, which the sender sees.
final class Handoff<Item: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Item] = []
  private var head = 0
  private var ended = false
  private var failure: (any Error)?
  private var cancelled = false

  /// Adds `item`; returns `false` when the receiver has cancelled.
  @discardableResult
  func send(_ item: Item) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !cancelled else { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// Ends the queue, with `failure` if the sender failed.
  func end(failure: (any Error)? = nil) {
    condition.lock()
    defer { condition.unlock() }
    ended = true
    self.failure = failure
    condition.broadcast()
  }

  /// The next item, waiting for it; `nil` at the end.
  ///
  /// - Throws: The sender's failure, once the items before it are taken.
  func receive() throws -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !ended { condition.wait() }
    if head < items.count {
      let item = items[head]
      head += 1
      if head > 64, head * 2 > items.count {
        items.removeFirst(head)
        head = 0
      }
      return item
    }
    if let failure { throw failure }
    return nil
  }

  /// Tells the sender to stop.
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    cancelled = true
  }

  /// Whether the receiver has cancelled.
  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }
}
