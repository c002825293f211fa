/// `X from A where C` inside `exists`, `forall`, `select` and `sum … over`.
struct VariableDeclaration<Expression: Sendable>: Sendable {
  var name: String
  var source: Expression
  var condition: Expression?
  var location: SourceLocation
}
