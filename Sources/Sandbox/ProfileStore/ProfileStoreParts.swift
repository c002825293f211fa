import Foundation

/// The parts of a stored profile store, read by name when the store opens or a query first
/// needs one.
protocol ProfileStoreParts: Sendable {
  /// The bytes of part `name`, or `nil` when it is missing.
  func data(_ name: String) -> Data?

  /// Part `name` as little-endian integers (`count` of them when given), or `nil` when it is
  /// missing or holds another number.
  func integers<T: FixedWidthInteger>(_ type: T.Type, _ name: String, count: Int?) -> [T]?
}
