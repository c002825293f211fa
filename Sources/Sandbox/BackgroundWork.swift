import Dispatch

/// A value worked out on another thread while the caller goes on, waited for when read.
///
/// For work that can overlap what the caller does next (parsing new events while the profile
/// store is read from the state file, say).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  // `result` is written once, before `done` is left, and read only after waiting for `done`.
  private var result: Value?
  private let done = DispatchGroup()

  /// Starts `work` on a global queue.
  init(_ work: @escaping @Sendable () -> Value) {
    done.enter()
    DispatchQueue.global(qos: .userInitiated).async {
      self.result = work()
      self.done.leave()
    }
  }

  /// The value, once the work is done.
  var value: Value {
    done.wait()
    guard let result else { preconditionFailure("the work left without a value") }
    return result
  }
}
