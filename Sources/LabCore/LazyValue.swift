import Foundation

/// A value made at most once, on first read, from any thread: a part of a stored structure
/// that is decoded only when something needs it.
///
/// For example:
///
/// ```swift
/// let codes = LazyValue { decodeCodes(from: part) }
/// codes.value  // decoded now
/// codes.value  // the same array, not decoded again
/// ```
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
  // `made` and `make` are guarded by `lock`.
  private let lock = NSLock()
  private var made: Value?
  private var make: (@Sendable () -> Value)?

  /// A value already at hand.
  public init(_ value: Value) {
    made = value
  }

  /// A value `make` makes when first read.
  public init(make: @escaping @Sendable () -> Value) {
    self.make = make
  }

  /// The value, made now if it was not yet.
  public var value: Value {
    lock.withLock {
      if let made { return made }
      // Exactly one of `made` and `make` is set until the value is made.
      guard let make else { preconditionFailure("LazyValue has neither a value nor a maker") }
      let value = make()
      made = value
      self.make = nil
      return value
    }
  }
}
