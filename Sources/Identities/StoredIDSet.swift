/// A set of stored ids (small positive integers, as identity and graph ids are), one bit each.
///
/// An ingest collects the ids of a million graphs; a bit per id is faster than hashing them
/// and lists them sorted for free.
public struct StoredIDSet: Sendable {
  private var words: [UInt64] = []

  /// An empty set.
  public init() {}

  /// Adds `id` (ids below 1 are ignored: no stored id is).
  public mutating func insert(_ id: Int64) {
    guard id > 0 else { return }
    let word = Int(id >> 6)
    if word >= words.count {
      words.append(
        contentsOf: repeatElement(0, count: max(word + 1, words.count * 2) - words.count))
    }
    words[word] |= 1 << UInt64(id & 63)
  }

  /// Whether `id` is in the set.
  public func contains(_ id: Int64) -> Bool {
    let word = Int(id >> 6)
    guard id > 0, word < words.count else { return false }
    return words[word] & (1 << UInt64(id & 63)) != 0
  }

  /// The ids, in ascending order.
  public var sorted: [Int64] {
    var result: [Int64] = []
    for (index, word) in words.enumerated() where word != 0 {
      var bits = word
      while bits != 0 {
        result.append(Int64(index) << 6 | Int64(bits.trailingZeroBitCount))
        bits &= bits - 1
      }
    }
    return result
  }
}
