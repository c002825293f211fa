extension Syntax {
  /// `terms` joined by the associative operator `op` (`and`, `or`) as a balanced tree.
  ///
  /// A flat chain of n terms nests about log2(n) levels deep instead of n; the terms keep their
  /// order. `operators[i]` is where the operator before `terms[i + 1]` stands.
  static func associative(
    _ op: BinaryOperator, _ terms: [Syntax], operators: [SourceLocation]
  ) -> Syntax {
    balanced(op, terms[...], operators: operators)
  }

  /// The balanced tree over a slice of the terms.
  private static func balanced(
    _ op: BinaryOperator, _ terms: ArraySlice<Syntax>, operators: [SourceLocation]
  ) -> Syntax {
    if terms.count == 1, let only = terms.first { return only }
    let middle = terms.startIndex + (terms.count + 1) / 2
    return .binary(
      op, balanced(op, terms[..<middle], operators: operators),
      balanced(op, terms[middle...], operators: operators), operators[middle - 1])
  }
}
