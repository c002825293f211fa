import Segmentation

/// One segment's memberships in ascending profile-key order: how a job hands a segment's new
/// state to the store, and how the store hands a segment's state back.
///
/// For example:
///
/// ```swift
/// var list = SegmentMemberList()
/// list.append(key: 7, SegmentMembership(status: .realized, lastQualificationTime: now))
/// list.membership(for: 7)  // realized
/// ```
public struct SegmentMemberList: Sendable, Equatable {
  /// The profile keys, ascending.
  public private(set) var keys: [Int64] = []
  /// The membership of each key.
  public private(set) var memberships: [SegmentMembership] = []

  /// An empty list.
  public init() {}

  /// How many profiles have a membership (members and exited ones).
  public var count: Int { keys.count }

  /// How many profiles are members now (realized or existing).
  public var memberCount: Int { memberships.reduce(0) { $0 + ($1.status.isMember ? 1 : 0) } }

  /// Adds `membership` for `key`, which must be above every key already in the list.
  public mutating func append(key: Int64, _ membership: SegmentMembership) {
    precondition(keys.last.map { $0 < key } ?? true, "keys are appended in ascending order")
    keys.append(key)
    memberships.append(membership)
  }

  /// Reserves room for `count` memberships.
  public mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
    memberships.reserveCapacity(count)
  }

  /// The membership of `key`, or `nil`.
  public func membership(for key: Int64) -> SegmentMembership? {
    let index = position(of: key)
    return index < keys.count && keys[index] == key ? memberships[index] : nil
  }

  /// The first index whose key is not below `key`.
  public func position(of key: Int64) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The memberships by key.
  public var byKey: [Int64: SegmentMembership] {
    Dictionary(zip(keys, memberships), uniquingKeysWith: { first, _ in first })
  }
}
