/// A parsed PQL expression, before names and functions are resolved: the parser's output.
///
/// Every node carries the location of its first token, for diagnostics.
indirect enum Syntax: Sendable {
  case string(String, SourceLocation)
  case integer(Int, SourceLocation)
  case double(Double, SourceLocation)
  case boolean(Bool, SourceLocation)
  case list([Syntax], SourceLocation)
  case object([(key: String, value: Syntax)], SourceLocation)
  /// A bare name: a variable if one is in scope, otherwise a field of the current context.
  case name(String, SourceLocation)
  /// `$n`.
  case parameter(Int, SourceLocation)
  /// `^`, `^^`, …: the context that many filter levels up.
  case up(Int, SourceLocation)
  /// `now`, `today`, `yesterday`, `tomorrow` used as a value.
  case timeWord(TimeWord, SourceLocation)
  /// `x.field`.
  case member(Syntax, String, SourceLocation)
  /// `f(args)` or `x.f(args)`; `nameLocation` points at the function name.
  case call(subject: Syntax?, name: String, arguments: [Syntax], SourceLocation)
  /// `x[condition]`.
  case filter(Syntax, Syntax, SourceLocation)
  case negate(Syntax, SourceLocation)
  case not(Syntax, SourceLocation)
  case binary(BinaryOperator, Syntax, Syntax, SourceLocation)
  case occurs(Syntax, OccursSpec<Syntax>, SourceLocation)
  case lambda([String], Syntax, SourceLocation)
  case letIn([(name: String, value: Syntax)], Syntax, SourceLocation)
  case quantified(Quantifier, [VariableDeclaration<Syntax>], SourceLocation)
  case sumOver(Syntax, VariableDeclaration<Syntax>, SourceLocation)
  case chain(events: Syntax, timestamp: [String], steps: [ChainStep<Syntax>], SourceLocation)

  /// Where the node starts.
  var location: SourceLocation {
    switch self {
    case .string(_, let location), .integer(_, let location), .double(_, let location),
      .boolean(_, let location), .list(_, let location), .object(_, let location),
      .name(_, let location), .parameter(_, let location), .up(_, let location),
      .timeWord(_, let location), .member(_, _, let location), .call(_, _, _, let location),
      .filter(_, _, let location), .negate(_, let location), .not(_, let location),
      .binary(_, _, _, let location), .occurs(_, _, let location), .lambda(_, _, let location),
      .letIn(_, _, let location), .quantified(_, _, let location), .sumOver(_, _, let location),
      .chain(_, _, _, let location):
      return location
    }
  }
}
