/// One labelled step of `chain(...)`: `L: WHAT(c) WHEN(t) COUNT(n) WHERE(c)`.
struct ChainStep<Expression: Sendable>: Sendable {
  var label: String?
  var what: Expression
  var when: OccursSpec<Expression>?
  var count: Int
  var condition: Expression?
}
