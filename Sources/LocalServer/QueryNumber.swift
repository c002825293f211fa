import Sandbox

/// Whole numbers read from outside (query parameters and body fields such as `start`, `limit`,
/// `offset`, `startTime`), checked against the range the server serves before any use, so a
/// negative count or a huge size is a `400` naming the parameter, never a trap.
enum QueryNumber {
  /// The largest page size any list answers (`limit`).
  static let maximumLimit = 10_000
  /// The largest offset a list accepts (`start`, `offset`).
  static let maximumOffset = 1_000_000_000
  /// The widest time accepted, in milliseconds since 1970 (year 9999 either side).
  static let maximumMilliseconds: Int64 = 253_402_300_799_999

  /// The value of `text` as a whole number in `range`, `fallback` when absent.
  static func parse(
    _ text: String?, name: String, default fallback: Int, in range: ClosedRange<Int>
  ) throws(SandboxError) -> Int {
    guard let text else { return fallback }
    guard let value = Int(text), range.contains(value) else {
      throw .invalidRequest(
        "The parameter '\(name)' must be a whole number from \(range.lowerBound) to "
          + "\(range.upperBound), not '\(text.prefix(40))'.")
    }
    return value
  }

  /// A page size: 1 to ``maximumLimit``.
  static func limit(_ text: String?, name: String = "limit", default fallback: Int)
    throws(SandboxError) -> Int
  {
    try parse(text, name: name, default: fallback, in: 1...maximumLimit)
  }

  /// An offset into a list: 0 to ``maximumOffset``.
  static func offset(_ text: String?, name: String = "start") throws(SandboxError) -> Int {
    try parse(text, name: name, default: 0, in: 0...maximumOffset)
  }

  /// A time in milliseconds since 1970, if given.
  static func milliseconds(_ text: String?, name: String) throws(SandboxError) -> Int64? {
    guard let text else { return nil }
    guard let value = Int64(text), abs(value) <= maximumMilliseconds else {
      throw .invalidRequest(
        "The parameter '\(name)' must be a time in milliseconds since 1970 (a whole number of "
          + "at most 13 digits), not '\(text.prefix(40))'.")
    }
    return value
  }
}
