/// A recursive-descent parser from tokens to ``Syntax``.
///
/// It never backtracks (lambdas and `sum … over` are recognised by looking ahead), so the first
/// error it meets is the deepest point the text reached, and that is what it reports.
struct Parser {
  private let tokens: [Token]
  private let source: String
  var index = 0
  private var depth = 0
  /// The deepest nesting accepted (parentheses, operators, path steps, filters, calls): deep
  /// enough for any real segment, shallow enough for every recursive pass over the tree.
  static let maximumDepth = 256
  /// The most tokens one expression may have.
  static let maximumTokens = 100_000

  /// Parses a whole expression.
  static func parse(_ source: String) throws(PQLDiagnostic) -> Syntax {
    let tokens = try Lexer.tokenize(source)
    var parser = Parser(tokens: tokens, source: source)
    if tokens.count > maximumTokens {
      throw parser.fail(
        DiagnosticMessages.tooLong(tokens: tokens.count, limit: maximumTokens),
        at: tokens[maximumTokens])
    }
    if parser.current.kind == .end {
      throw parser.fail(DiagnosticMessages.emptyExpression, at: parser.current)
    }
    let expression = try parser.parseExpression()
    guard parser.current.kind == .end else {
      throw parser.unexpected(parser.current)
    }
    return expression
  }

  private init(tokens: [Token], source: String) {
    self.tokens = tokens
    self.source = source
  }

  // MARK: - Token access

  var current: Token { tokens[index] }

  func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

  var previous: Token { tokens[max(0, index - 1)] }

  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func take(symbol: String) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    index += 1
    return true
  }

  mutating func take(keyword: String) -> Bool {
    guard current.isKeyword(keyword) else { return false }
    index += 1
    return true
  }

  mutating func expect(symbol: String, closing opening: Token? = nil) throws(PQLDiagnostic) {
    guard take(symbol: symbol) else {
      if let opening {
        throw fail(
          DiagnosticMessages.expectedClosing(symbol, opening: opening.text, found: current.quoted),
          at: current)
      }
      throw fail(DiagnosticMessages.expectedToken(symbol, found: current.quoted), at: current)
    }
  }

  mutating func expectWord(_ what: String) throws(PQLDiagnostic) -> Token {
    guard current.kind == .word else {
      throw fail(DiagnosticMessages.expectedName(what, found: current.quoted), at: current)
    }
    return advance()
  }

  func fail(
    _ message: String, at token: Token, kind: PQLDiagnostic.Kind = .parseError
  ) -> PQLDiagnostic {
    PQLDiagnostic(kind, message, at: token.location, source: source)
  }

  func unexpected(_ token: Token) -> PQLDiagnostic {
    if token.kind == .end {
      return fail(DiagnosticMessages.unexpectedEnd, at: token)
    }
    if token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}") {
      return fail(DiagnosticMessages.unbalanced(token.text), at: token)
    }
    return fail(DiagnosticMessages.unexpectedToken(token.quoted), at: token)
  }

  mutating func enter() throws(PQLDiagnostic) {
    depth += 1
    if depth > Self.maximumDepth {
      throw fail(DiagnosticMessages.nestedTooDeeply(limit: Self.maximumDepth), at: current)
    }
  }

  // MARK: - Expressions

  mutating func parseExpression() throws(PQLDiagnostic) -> Syntax {
    try enter()
    defer { depth -= 1 }
    return try parseOr()
  }

  /// A flat `a or b or …` chain: the terms sit at one depth, and the tree is balanced
  /// (``Syntax/associative(_:_:operators:)``), so a long chain stays legal and shallow.
  private mutating func parseOr() throws(PQLDiagnostic) -> Syntax {
    let first = try parseAnd()
    guard current.isKeyword("or") else { return first }
    var terms = [first]
    var operators: [SourceLocation] = []
    while current.isKeyword("or") {
      let token = advance()
      operators.append(token.location)
      terms.append(
        try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
          try parser.parseAnd()
        })
    }
    return .associative(.or, terms, operators: operators)
  }

  /// A flat `a and b and …` chain, balanced as `or` chains are.
  private mutating func parseAnd() throws(PQLDiagnostic) -> Syntax {
    let first = try parseNot()
    guard current.isKeyword("and") else { return first }
    var terms = [first]
    var operators: [SourceLocation] = []
    while current.isKeyword("and") {
      let token = advance()
      operators.append(token.location)
      terms.append(
        try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
          try parser.parseNot()
        })
    }
    return .associative(.and, terms, operators: operators)
  }

  private mutating func parseNot() throws(PQLDiagnostic) -> Syntax {
    if current.isKeyword("not") || current.isSymbol("!") {
      let token = advance()
      try enter()
      defer { depth -= 1 }
      let operand = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseNot()
      }
      return .not(operand, token.location)
    }
    return try parseComparison()
  }

  /// Parses the operand that must follow `token`, with a clear message when there is none.
  mutating func operand(
    after token: Token, _ parse: (inout Parser) throws(PQLDiagnostic) -> Syntax
  ) throws(PQLDiagnostic) -> Syntax {
    guard canStartExpression(current) else {
      throw fail(
        DiagnosticMessages.expectedExpression(after: token.text, found: current.quoted),
        at: current)
    }
    return try parse(&self)
  }

  func canStartExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .end: return false
    case .symbol: return ["(", "[", "{", "-", "!", "^"].contains(token.text)
    case .word:
      let lowered = token.text.lowercased()
      return !["and", "or", "in", "notin", "like", "occurs", "where", "over", "from"].contains(
        lowered)
    default: return true
    }
  }

  private static let comparisonSymbols: Set<String> = ["=", "!=", "<", "<=", ">", ">="]

  private func isComparisonStart(_ token: Token) -> Bool {
    (token.kind == .symbol && Self.comparisonSymbols.contains(token.text))
      || token.isKeyword("like") || token.isKeyword("in") || token.isKeyword("notIn")
      || token.isKeyword("occurs")
  }

  private mutating func parseComparison() throws(PQLDiagnostic) -> Syntax {
    let left = try parseAdditive()
    guard isComparisonStart(current) else { return left }
    let token = advance()
    let result: Syntax
    if token.isKeyword("occurs") {
      result = .occurs(left, try parseOccursSpec(after: token), token.location)
    } else {
      let right = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseAdditive()
      }
      let op: BinaryOperator
      if token.kind == .symbol {
        op = BinaryOperator(rawValue: token.text) ?? .equal
      } else if token.isKeyword("like") {
        op = .like
      } else if token.isKeyword("in") {
        op = .in
      } else {
        op = .notIn
      }
      result = .binary(op, left, right, token.location)
    }
    if isComparisonStart(current) {
      throw fail(DiagnosticMessages.chainedComparison(current.text), at: current)
    }
    return result
  }

  private mutating func parseAdditive() throws(PQLDiagnostic) -> Syntax {
    var left = try parseMultiplicative()
    let outerDepth = depth
    defer { depth = outerDepth }
    while current.isSymbol("+") || current.isSymbol("-") {
      let token = advance()
      try enter()
      let right = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseMultiplicative()
      }
      left = .binary(token.text == "+" ? .add : .subtract, left, right, token.location)
    }
    return left
  }

  private mutating func parseMultiplicative() throws(PQLDiagnostic) -> Syntax {
    var left = try parseUnary()
    let outerDepth = depth
    defer { depth = outerDepth }
    while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
      let token = advance()
      try enter()
      let right = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseUnary()
      }
      let op: BinaryOperator =
        token.text == "*" ? .multiply : token.text == "/" ? .divide : .remainder
      left = .binary(op, left, right, token.location)
    }
    return left
  }

  private mutating func parseUnary() throws(PQLDiagnostic) -> Syntax {
    if current.isSymbol("-") {
      let token = advance()
      try enter()
      defer { depth -= 1 }
      let operand = try operand(after: token) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseUnary()
      }
      switch operand {
      case .integer(let value, _): return .integer(-value, token.location)
      case .double(let value, _): return .double(-value, token.location)
      default: return .negate(operand, token.location)
      }
    }
    return try parsePostfix()
  }

  /// A primary followed by `.field`, `.f(…)` and `[filter]` steps; each step is one level of
  /// the tree, so a path counts toward ``maximumDepth``.
  mutating func parsePostfix() throws(PQLDiagnostic) -> Syntax {
    var expression = try parsePrimary()
    let outerDepth = depth
    defer { depth = outerDepth }
    while true {
      if current.isSymbol(".") || current.isSymbol("[") { try enter() }
      if current.isSymbol(".") {
        let dot = advance()
        guard current.kind == .word else {
          throw fail(DiagnosticMessages.expectedFieldAfterDot(found: current.quoted), at: current)
        }
        let name = advance()
        if current.isSymbol("(") {
          let arguments = try parseArguments()
          expression = .call(
            subject: expression, name: name.text, arguments: arguments, name.location)
        } else {
          expression = .member(expression, name.text, dot.location)
        }
      } else if current.isSymbol("[") {
        let open = advance()
        let condition = try operand(after: open) { (parser: inout Parser) throws(PQLDiagnostic) in
          try parser.parseExpression()
        }
        try expect(symbol: "]", closing: open)
        expression = .filter(expression, condition, open.location)
      } else {
        return expression
      }
    }
  }

  /// `( args )`, with the opening parenthesis current.
  mutating func parseArguments() throws(PQLDiagnostic) -> [Syntax] {
    let open = advance()
    var arguments: [Syntax] = []
    if take(symbol: ")") { return arguments }
    while true {
      let separator = previous
      arguments.append(
        try operand(after: separator) { (parser: inout Parser) throws(PQLDiagnostic) in
          try parser.parseExpression()
        })
      if take(symbol: ",") { continue }
      try expect(symbol: ")", closing: open)
      return arguments
    }
  }

  private mutating func parsePrimary() throws(PQLDiagnostic) -> Syntax {
    try enter()
    defer { depth -= 1 }
    let token = current
    switch token.kind {
    case .string:
      index += 1
      return .string(token.text, token.location)
    case .integer:
      index += 1
      return .integer(token.integer, token.location)
    case .double:
      index += 1
      return .double(token.double, token.location)
    case .parameter:
      index += 1
      return .parameter(token.integer, token.location)
    case .word:
      return try parseWord()
    case .end:
      throw unexpected(token)
    case .symbol:
      break
    }
    switch token.text {
    case "(":
      if let lambda = try parseLambdaIfPresent() { return lambda }
      let open = advance()
      let inner = try operand(after: open) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseExpression()
      }
      try expect(symbol: ")", closing: open)
      return inner
    case "[":
      let open = advance()
      var items: [Syntax] = []
      if take(symbol: "]") { return .list(items, open.location) }
      while true {
        items.append(
          try operand(after: previous) { (parser: inout Parser) throws(PQLDiagnostic) in
            try parser.parseExpression()
          })
        if take(symbol: ",") { continue }
        try expect(symbol: "]", closing: open)
        return .list(items, open.location)
      }
    case "{":
      return try parseObject()
    case "^":
      var levels = 0
      while take(symbol: "^") { levels += 1 }
      guard current.isSymbol(".") else {
        throw fail(DiagnosticMessages.expectedPathAfterUp(found: current.quoted), at: current)
      }
      return .up(levels, token.location)
    default:
      throw fail(
        DiagnosticMessages.expectedExpression(after: previous.text, found: token.quoted),
        at: token)
    }
  }

  private mutating func parseObject() throws(PQLDiagnostic) -> Syntax {
    let open = advance()
    var members: [(key: String, value: Syntax)] = []
    if take(symbol: "}") { return .object(members, open.location) }
    while true {
      guard current.kind == .string || current.kind == .word else {
        throw fail(DiagnosticMessages.expectedObjectKey(found: current.quoted), at: current)
      }
      let key = advance()
      try expect(symbol: ":")
      let value = try operand(after: previous) { (parser: inout Parser) throws(PQLDiagnostic) in
        try parser.parseExpression()
      }
      members.append((key.text, value))
      if take(symbol: ",") { continue }
      try expect(symbol: "}", closing: open)
      return .object(members, open.location)
    }
  }

  /// `(A, B) => body` or `A => body`, recognised by looking ahead; `nil` if not a lambda.
  private mutating func parseLambdaIfPresent() throws(PQLDiagnostic) -> Syntax? {
    let start = current
    var names: [String] = []
    var offset = 0
    if start.isSymbol("(") {
      offset = 1
      while peek(offset).kind == .word {
        names.append(peek(offset).text)
        offset += 1
        if peek(offset).isSymbol(",") { offset += 1 } else { break }
      }
      guard !names.isEmpty, peek(offset).isSymbol(")"), peek(offset + 1).isSymbol("=>") else {
        return nil
      }
      offset += 2
    } else if start.kind == .word, peek(1).isSymbol("=>") {
      names = [start.text]
      offset = 2
    } else {
      return nil
    }
    index += offset
    let arrow = previous
    let body = try operand(after: arrow) { (parser: inout Parser) throws(PQLDiagnostic) in
      try parser.parseExpression()
    }
    return .lambda(names, body, start.location)
  }
}
