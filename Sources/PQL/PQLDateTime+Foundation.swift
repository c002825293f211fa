import Foundation

extension PQLDateTime {
  /// The instant of a Foundation `Date`, to the millisecond.
  public init(_ date: Date) {
    self.init(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
  }
}
