/// A checked PQL expression: the checker's output and the compiler's input.
///
/// Names are resolved to fields, variables or functions, literals are validated and regular
/// expressions compiled.
indirect enum Node: Sendable {
  case constant(PQLValue)
  case list([Node])
  case object([(key: String, value: Node)])
  /// The implicit context, `levels` filters up (0 is the current element or the profile).
  case context(levels: Int)
  /// `$n`.
  case parameter(Int)
  /// A variable slot bound by a lambda, `let`, a quantifier or `sum … over`.
  case variable(Int)
  /// `xEvent`.
  case events
  case time(TimeWord)
  /// Field access: a base and the field names after it.
  case path(Node, [String])
  case call(Builtin, [Node])
  /// A lambda as an argument: the slots its parameters bind.
  case lambda([Int], Node)
  case filter(Node, Node)
  case negate(Node)
  case not(Node)
  case and([Node])
  case or([Node])
  case compare(ComparisonOperator, Node, Node)
  case arithmetic(BinaryOperator, Node, Node)
  case like(Node, Node)
  case membership(Node, Node, negated: Bool)
  /// `matches` with a pattern compiled at check time.
  case matches(Node, CompiledPattern)
  /// `regexGroup` with a pattern compiled at check time.
  case regexGroup(Node, CompiledPattern, Node)
  case occurs(Node, OccursSpec<Node>)
  case letIn([(slot: Int, value: Node)], Node)
  case quantified(Quantifier, [Binding])
  case sumOver(Node, Binding)
  case chain(events: Node, timestamp: [String], steps: [ChainStep<Node>])

  /// A variable bound to each element of a source, with an optional condition.
  struct Binding: Sendable {
    var slot: Int
    var source: Node
    var condition: Node?
  }
}
