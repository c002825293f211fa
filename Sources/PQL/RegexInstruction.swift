/// One step of a compiled ``RegexProgram``.
enum RegexInstruction: Sendable {
  /// Consume one character from the set.
  case consume(RegexCharacterSet)
  /// Go on at both targets, the first preferred.
  case split(Int, Int)
  /// Go on at the target.
  case jump(Int)
  /// Record the position in capture slot n.
  case save(Int)
  /// Go on only where the test holds.
  case assert(RegexAssertion)
  /// The pattern matched.
  case match
}
