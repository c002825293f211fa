/// A small deterministic random number generator (SplitMix64): the same seed gives the same
/// demo data on every machine and Swift version.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from `seed`.
  public init(seed: UInt64) {
    state = seed &+ 0x9E37_79B9_7F4A_7C15
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<count`, without the standard library's platform-dependent algorithm.
  public mutating func below(_ count: Int) -> Int {
    Int(next() % UInt64(max(count, 1)))
  }

  /// Whether an event of probability `percent` in 100 happens.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// One element of `items`, chosen uniformly.
  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// A string of `count` decimal digits, the first not zero.
  public mutating func digits(_ count: Int) -> String {
    var text = String(1 + below(9))
    for _ in 1..<count { text += String(below(10)) }
    return text
  }
}
