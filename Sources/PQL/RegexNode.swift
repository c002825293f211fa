/// A parsed regular expression, before it is compiled to a ``RegexProgram``.
indirect enum RegexNode: Sendable {
  /// Matches the empty string.
  case empty
  /// One character from a set (a literal is a set of one, or two when case is ignored).
  case set(RegexCharacterSet)
  /// A zero-width test such as `^` or `\b`.
  case assertion(RegexAssertion)
  /// A group; `capture` is its number when it captures.
  case group(RegexNode, capture: Int?)
  /// The parts one after the other.
  case concatenation([RegexNode])
  /// The first alternative that leads to a match, in order.
  case alternation([RegexNode])
  /// `node` repeated `minimum` to `maximum` (`nil`: unbounded) times, greedily or lazily.
  case repetition(RegexNode, minimum: Int, maximum: Int?, greedy: Bool)
}
