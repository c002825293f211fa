import Foundation
import LabCore

extension PQLColumns.Column {
  /// A column's distinct values, decoded at most once, on first use, from any thread.
  final class Values: @unchecked Sendable {
    // `decoded` and `decode` are guarded by `lock`.
    private let lock = NSLock()
    private var decoded: [JSONValue]?
    private var decode: (@Sendable () -> [JSONValue])?
    private let count: Int

    /// Values already at hand.
    init(_ values: [JSONValue]) {
      decoded = values
      count = values.count
    }

    /// Values `decode` makes when first read; a decoding that gives another count than
    /// `count` gives nulls instead, so no code can index past them.
    init(decode: @escaping @Sendable () -> [JSONValue], count: Int) {
      self.decode = decode
      self.count = count
    }

    /// The values.
    var values: [JSONValue] {
      lock.withLock {
        if let decoded { return decoded }
        var values = decode?() ?? []
        if values.count != count { values = Array(repeating: .null, count: count) }
        decoded = values
        decode = nil
        return values
      }
    }
  }
}
