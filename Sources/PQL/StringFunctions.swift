/// The string predicates and `regexGroup`, with the lab's null rules.
enum StringFunctions {
  /// Whether `test` holds for the text of `value`, or for any element of a projected list.
  ///
  /// Null, objects and maps give false.
  static func anyText(_ value: PQLValue, _ test: (String) -> Bool) -> Bool {
    if case .list(let items) = value { return items.contains { anyText($0, test) } }
    guard let text = Runtime.text(value) else { return false }
    return test(text)
  }

  /// Applies a string predicate such as `startsWith` with its case flag.
  static func predicate(
    _ builtin: Builtin, _ subject: PQLValue, _ argument: PQLValue, caseSensitive: Bool
  ) -> Bool {
    guard let text = Runtime.text(argument) else { return false }
    return predicate(builtin, subject, StringNeedle(text, caseSensitive: caseSensitive))
  }

  /// Applies a string predicate with a needle prepared once (for constant arguments).
  static func predicate(_ builtin: Builtin, _ subject: PQLValue, _ needle: StringNeedle) -> Bool {
    let negative: Bool
    switch builtin {
    case .doesNotStartWith, .doesNotEndWith, .doesNotContain, .notEqualTo: negative = true
    default: negative = false
    }
    if negative, case .list(let items) = subject, items.isEmpty { return false }
    let found = anyText(subject) { needle.test(builtin, in: $0) }
    if negative {
      // Null subjects are false for negative predicates too (spec §1, lab convention).
      if Runtime.text(subject) == nil, !isList(subject) { return false }
      return !found
    }
    return found
  }

  private static func isList(_ value: PQLValue) -> Bool {
    if case .list = value { return true }
    return false
  }

  /// The `group`-th capture of the first match of `regex` in the subject, or null.
  static func regexGroup(_ subject: PQLValue, _ pattern: CompiledPattern, _ group: PQLValue)
    -> PQLValue
  {
    guard let text = Runtime.text(subject), case .integer(let index) = group,
      let found = pattern.group(index, in: text)
    else { return .null }
    return .string(found)
  }
}
