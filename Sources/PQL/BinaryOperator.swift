/// A binary operator of PQL text.
enum BinaryOperator: String, Sendable, Hashable {
  case and, or
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case like, `in`, notIn

  /// The comparison this operator is, if it is one.
  var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// `exists`, `forall` or `select`.
enum Quantifier: String, Sendable, Hashable {
  case exists, forall, select
}
