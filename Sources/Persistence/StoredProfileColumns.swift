import Foundation

/// One merge policy's encoded columnar profile store, as the state file keeps it.
public struct StoredProfileColumns: Sendable {
  /// The merge policy's id.
  public var policyID: String
  /// What the store was built under (format, policy, rules, namespaces); a store whose stamp
  /// differs from today's is rebuilt.
  public var stamp: String
  /// The encoded store.
  public var data: Data
  /// The identity graphs changed since the store was written.
  public var dirtyGraphIDs: [Int64]

  /// Creates a stored store.
  public init(policyID: String, stamp: String, data: Data, dirtyGraphIDs: [Int64] = []) {
    self.policyID = policyID
    self.stamp = stamp
    self.data = data
    self.dirtyGraphIDs = dirtyGraphIDs
  }
}
