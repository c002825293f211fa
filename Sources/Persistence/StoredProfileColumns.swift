import Foundation

/// One merge policy's columnar profile store as the state file keeps it: a header and named
/// parts.
public struct StoredProfileColumns: Sendable {
  /// The merge policy's id.
  public var policyID: String
  /// What the store was built under (format, policy, rules, namespaces); a store whose stamp
  /// differs from today's is rebuilt.
  public var stamp: String
  /// Which writing of the store this is: a part read later must be of the same one.
  public var generation: String
  /// Which writing of the delta (the rows patched since the store was written whole) is
  /// current, if there is one; its parts are named `delta.*`.
  public var delta: String?
  /// The encoded header.
  public var header: Data
  /// Parts by name: every part when saving; those asked for when reading.
  public var parts: [String: Data]
  /// The identity graphs changed since the store was written (when reading), or taken in by
  /// it (when saving).
  public var dirtyGraphIDs: [Int64]

  /// Creates a stored store.
  public init(
    policyID: String, stamp: String, generation: String = UUID().uuidString, header: Data,
    parts: [String: Data], dirtyGraphIDs: [Int64] = [], delta: String? = nil
  ) {
    self.delta = delta
    self.policyID = policyID
    self.stamp = stamp
    self.generation = generation
    self.header = header
    self.parts = parts
    self.dirtyGraphIDs = dirtyGraphIDs
  }

  /// The writing of the store and of its delta together: what a reader that opened the store
  /// compares to know that neither was replaced since.
  public var version: String { Self.version(generation: generation, delta: delta) }

  /// ``version`` of a store written as `generation` with the delta `delta`.
  public static func version(generation: String, delta: String?) -> String {
    generation + "/" + (delta ?? "")
  }
}
