extension Parser {
  /// A word at the start of an operand: a literal word, a binding form, `chain`, a call or a name.
  mutating func parseWord() throws(PQLDiagnostic) -> Syntax {
    let token = current
    let lowered = token.text.lowercased()
    let next = peek(1)
    if next.isSymbol("=>") {
      return try parseLambdaWord()
    }
    switch lowered {
    case "true", "false":
      index += 1
      return .boolean(lowered == "true", token.location)
    case "now", "today", "yesterday", "tomorrow":
      if !next.isSymbol("(") {
        index += 1
        return .timeWord(TimeWord(rawValue: lowered) ?? .now, token.location)
      }
    case "exists", "forall", "some", "select":
      if next.kind == .word, peek(2).isKeyword("from") {
        index += 1
        let quantifier: Quantifier =
          lowered == "select" ? .select : lowered == "forall" ? .forall : .exists
        return .quantified(quantifier, try parseDeclarations(), token.location)
      }
    case "let":
      if next.kind == .word, peek(2).isSymbol("=") {
        return try parseLet()
      }
    case "sum":
      if isSumOver() {
        index += 1
        let body = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
          try parser.parseExpression()
        }
        guard take(keyword: "over") else {
          throw fail(DiagnosticMessages.expectedKeyword("over", found: current.quoted), at: current)
        }
        let declaration = try parseDeclaration()
        return .sumOver(body, declaration, token.location)
      }
    case "chain":
      if next.isSymbol("(") { return try parseChain() }
    default:
      break
    }
    index += 1
    if current.isSymbol("(") {
      let arguments = try parseArguments()
      return .call(subject: nil, name: token.text, arguments: arguments, token.location)
    }
    return .name(token.text, token.location)
  }

  private mutating func parseLambdaWord() throws(PQLDiagnostic) -> Syntax {
    let name = advance()
    let arrow = advance()
    let body = try operand(after: arrow) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseExpression()
    }
    return .lambda([name.text], body, name.location)
  }

  /// Whether `sum` at the current token starts `sum E over X from A`.
  private func isSumOver() -> Bool {
    guard canStartExpression(peek(1)) else { return false }
    var level = 0
    var offset = 1
    while peek(offset).kind != .end {
      let token = peek(offset)
      if token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{") { level += 1 }
      if token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}") {
        level -= 1
        if level < 0 { return false }
      }
      if level == 0, token.isKeyword("over") { return true }
      if level == 0, token.isSymbol(",") { return false }
      offset += 1
    }
    return false
  }

  /// `X from A [where C] (, Y from B [where D])*`.
  private mutating func parseDeclarations() throws(PQLDiagnostic) -> [VariableDeclaration<Syntax>] {
    var declarations = [try parseDeclaration()]
    while current.isSymbol(","), peek(1).kind == .word, peek(2).isKeyword("from") {
      index += 1
      declarations.append(try parseDeclaration())
    }
    return declarations
  }

  private mutating func parseDeclaration() throws(PQLDiagnostic) -> VariableDeclaration<Syntax> {
    let name = try expectWord("a variable name")
    guard take(keyword: "from") else {
      throw fail(DiagnosticMessages.expectedKeyword("from", found: current.quoted), at: current)
    }
    let fromToken = previous
    let source = try operand(after: fromToken) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseOrOperand()
    }
    var condition: Syntax?
    if current.isKeyword("where") || current.isSymbol(":") {
      let keyword = advance()
      condition = try operand(after: keyword) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseOrOperand()
      }
    }
    return VariableDeclaration(
      name: name.text, source: source, condition: condition, location: name.location)
  }

  /// An `or`-level expression (no lambda or binding at the top, but they may appear inside).
  mutating func parseOrOperand() throws(PQLDiagnostic) -> Syntax {
    try parseExpression()
  }

  /// `let V = (value) [, W = (value)] in (body)`.
  private mutating func parseLet() throws(PQLDiagnostic) -> Syntax {
    let start = advance()
    var bindings: [(name: String, value: Syntax)] = []
    repeat {
      let name = try expectWord("a variable name")
      try expect(symbol: "=")
      guard current.isSymbol("(") else {
        throw fail(
          DiagnosticMessages.expectedParenthesizedValue(found: current.quoted), at: current)
      }
      let open = advance()
      let value = try operand(after: open) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseExpression()
      }
      try expect(symbol: ")", closing: open)
      bindings.append((name.text, value))
    } while take(symbol: ",")
    guard take(keyword: "in") else {
      throw fail(DiagnosticMessages.expectedKeyword("in", found: current.quoted), at: current)
    }
    let inToken = previous
    let body = try operand(after: inToken) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseExpression()
    }
    return .letIn(bindings, body, start.location)
  }

  /// `chain(events, timestampField, [L1: WHAT(...) WHEN(...) COUNT(n) WHERE(...), ...])`.
  private mutating func parseChain() throws(PQLDiagnostic) -> Syntax {
    let start = advance()
    let open = advance()
    let events = try operand(after: open) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseExpression()
    }
    try expect(symbol: ",")
    var timestamp: [String] = []
    if current.kind == .string {
      timestamp = advance().text.split(separator: ".").map(String.init)
    } else {
      timestamp = [try expectWord("the timestamp field").text]
      while take(symbol: ".") { timestamp.append(try expectWord("a field name").text) }
    }
    try expect(symbol: ",")
    guard current.isSymbol("[") else {
      throw fail(DiagnosticMessages.expectedChainSteps(found: current.quoted), at: current)
    }
    let openSteps = advance()
    var steps: [ChainStep<Syntax>] = []
    repeat {
      steps.append(try parseChainStep())
    } while take(symbol: ",")
    try expect(symbol: "]", closing: openSteps)
    try expect(symbol: ")", closing: open)
    return .chain(events: events, timestamp: timestamp, steps: steps, start.location)
  }

  private mutating func parseChainStep() throws(PQLDiagnostic) -> ChainStep<Syntax> {
    var label: String?
    if current.kind == .word, peek(1).isSymbol(":") {
      label = advance().text
      index += 1
    }
    guard current.isKeyword("WHAT"), peek(1).isSymbol("(") else {
      throw fail(
        DiagnosticMessages.expectedWhat(label: label, found: current.quoted), at: current)
    }
    var step = ChainStep<Syntax>(
      label: label, what: try parseClause(), when: nil, count: 1, condition: nil)
    var seen: Set<String> = []
    while current.kind == .word, peek(1).isSymbol("(") {
      let keyword = current.text.uppercased()
      guard ["WHEN", "COUNT", "WHERE"].contains(keyword) else { break }
      guard seen.insert(keyword).inserted else {
        throw fail(DiagnosticMessages.repeatedChainClause(keyword), at: current)
      }
      switch keyword {
      case "WHEN":
        let token = advance()
        let open = advance()
        step.when = try parseOccursSpec(after: token)
        try expect(symbol: ")", closing: open)
      case "COUNT":
        index += 1
        let open = advance()
        guard current.kind == .integer, current.integer >= 1 else {
          throw fail(DiagnosticMessages.expectedCount(found: current.quoted), at: current)
        }
        step.count = advance().integer
        try expect(symbol: ")", closing: open)
      default:
        step.condition = try parseClause()
      }
    }
    return step
  }

  /// `KEYWORD ( expression )`.
  private mutating func parseClause() throws(PQLDiagnostic) -> Syntax {
    index += 1
    let open = advance()
    let inner = try operand(after: open) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseExpression()
    }
    try expect(symbol: ")", closing: open)
    return inner
  }
}
