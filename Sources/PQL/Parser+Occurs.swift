import LabCore

extension Parser {
  /// The part after `occurs` (or inside `WHEN(...)`).
  mutating func parseOccursSpec(after keyword: Token) throws(PQLDiagnostic) -> OccursSpec<Syntax> {
    let token = current
    if token.kind == .symbol, let op = ComparisonOperator(rawValue: token.text) {
      index += 1
      guard current.kind == .integer else {
        throw fail(
          DiagnosticMessages.expectedAmount(after: token.text, found: current.quoted), at: current)
      }
      let amount = advance().integer
      let unit = try parseUnit()
      let direction = try parseDirection(required: true)
      return .relative(op, amount, unit, direction ?? .before, try parseTimeReference())
    }
    if let direction = try parseDirection(required: false) {
      return .direction(direction, try parseTimeReference())
    }
    if take(keyword: "between") {
      let first = try parseTimeReference()
      guard take(keyword: "and") else {
        throw fail(DiagnosticMessages.expectedKeyword("and", found: current.quoted), at: current)
      }
      return .between(first, try parseTimeReference())
    }
    _ = take(keyword: "on")
    return .on(try parseTimeReference())
  }

  private mutating func parseUnit() throws(PQLDiagnostic) -> TimeUnit {
    guard current.kind == .word else {
      throw fail(DiagnosticMessages.expectedUnit(found: current.quoted), at: current)
    }
    let word = current
    guard let unit = TimeUnit.spellings[word.text.lowercased()] else {
      let suggestion = Suggestion.closest(to: word.text, in: TimeUnit.spellings.keys.sorted())
      throw fail(DiagnosticMessages.unknownUnit(word.text, suggestion: suggestion), at: word)
    }
    index += 1
    return unit
  }

  private mutating func parseDirection(required: Bool) throws(PQLDiagnostic) -> TimeDirection? {
    if take(keyword: "before") { return .before }
    if take(keyword: "after") || take(keyword: "from") { return .after }
    if required {
      throw fail(DiagnosticMessages.expectedDirection(found: current.quoted), at: current)
    }
    return nil
  }

  /// `now`, `today`, `this month`, `date(…)` or a timestamp path.
  private mutating func parseTimeReference() throws(PQLDiagnostic) -> TimeReference<Syntax> {
    let token = current
    if token.kind == .word, !peek(1).isSymbol("("), !peek(1).isSymbol(".") {
      let lowered = token.text.lowercased()
      if let word = TimeWord(rawValue: lowered) {
        index += 1
        return .word(word)
      }
      if let offset = CalendarOffset(rawValue: lowered) {
        index += 1
        return .calendar(offset, try parseUnit())
      }
    }
    guard canStartExpression(token) else {
      throw fail(DiagnosticMessages.expectedTime(found: token.quoted), at: token)
    }
    return .expression(try parsePostfix())
  }
}
