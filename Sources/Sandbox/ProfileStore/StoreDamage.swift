import Foundation

/// Set when a part of a stored profile store, read on demand, turned out missing or damaged:
/// the part read as empty, so whatever used it is redone on a rebuilt store.
final class StoreDamage: @unchecked Sendable {
  // `found` is guarded by `lock`.
  private let lock = NSLock()
  private var found: String?

  /// What was found damaged, if anything.
  var part: String? { lock.withLock { found } }

  /// Notes that `part` did not read back.
  func report(_ part: String) { lock.withLock { if found == nil { found = part } } }
}
