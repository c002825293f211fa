/// Every diagnostic message PQL produces, in alphabetical order.
///
/// Compiler style: lowercase, no full stop, tokens and user text in single quotes. Tests pin the
/// exact text of each, so change them here and in the tests together.
enum DiagnosticMessages {
  static func arity(_ function: String, expected: ClosedRange<Int>, given: Int) -> String {
    let range =
      expected.lowerBound == expected.upperBound
      ? "\(expected.lowerBound)"
      : "\(expected.lowerBound) to \(expected.upperBound)"
    let noun = expected.upperBound == 1 ? "argument" : "arguments"
    let verb = given == 1 ? "was" : "were"
    return "'\(function)' takes \(range) \(noun) but \(given) \(verb) given"
  }

  static func caseFlagNotBoolean(_ function: String, found: String) -> String {
    "the case-sensitivity argument of '\(function)' must be 'true' or 'false', not \(found)"
  }

  static func chainedComparison(_ token: String) -> String {
    "comparisons cannot be chained; use 'and' before '\(token)'"
  }

  static func conditionType(_ found: String) -> String {
    "expected a condition but found \(found)"
  }

  static let emptyExpression = "expected an expression but the query is empty"

  static func expectedAmount(after token: String, found: String) -> String {
    "expected a whole number of time units after '\(token)' but found \(found)"
  }

  static func expectedChainSteps(found: String) -> String {
    "expected '[' and the chain's steps but found \(found)"
  }

  static func expectedClosing(_ symbol: String, opening: String, found: String) -> String {
    "expected '\(symbol)' to close '\(opening)' but found \(found)"
  }

  static func expectedCount(found: String) -> String {
    "expected a positive whole number in 'COUNT(...)' but found \(found)"
  }

  static func expectedDirection(found: String) -> String {
    "expected 'before' or 'after' but found \(found)"
  }

  static func expectedExpression(after token: String, found: String) -> String {
    token.isEmpty
      ? "expected an expression but found \(found)"
      : "expected an expression after '\(token)' but found \(found)"
  }

  static func expectedFieldAfterDot(found: String) -> String {
    "expected a field or function name after '.' but found \(found)"
  }

  static func expectedKeyword(_ keyword: String, found: String) -> String {
    "expected '\(keyword)' but found \(found)"
  }

  static func expectedName(_ what: String, found: String) -> String {
    "expected \(what) but found \(found)"
  }

  static func expectedObjectKey(found: String) -> String {
    "expected a quoted key in the object but found \(found)"
  }

  static func expectedParameterNumber() -> String { "expected a parameter number after '$'" }

  static func expectedParenthesizedValue(found: String) -> String {
    "expected '(' around the value of 'let' but found \(found)"
  }

  static func expectedPathAfterUp(found: String) -> String {
    "expected '.' and a field after '^' but found \(found)"
  }

  static func expectedTime(found: String) -> String {
    "expected a time such as 'now', 'today', 'last month' or 'date(2025, 1, 31)' but found \(found)"
  }

  static func expectedToken(_ symbol: String, found: String) -> String {
    "expected '\(symbol)' but found \(found)"
  }

  static func expectedUnit(found: String) -> String {
    "expected a time unit such as 'days' or 'hours' but found \(found)"
  }

  static func expectedWhat(label: String?, found: String) -> String {
    if let label {
      return "chain step '\(label)' must start with 'WHAT(...)' but found \(found)"
    }
    return "a chain step must start with 'WHAT(...)' but found \(found)"
  }

  static func integerOutOfRange(_ text: String) -> String {
    "integer literal '\(text)' does not fit in 64 bits"
  }

  static func invalidDate(year: Int, month: Int, day: Int) -> String {
    if !(1...12).contains(month) {
      return "'date(\(year), \(month), \(day))' is not a valid date: month must be 1 to 12"
    }
    return "'date(\(year), \(month), \(day))' is not a valid date: that month has no day \(day)"
  }

  static func invalidEscape(_ escape: String) -> String {
    "invalid escape sequence '\(escape)' in string literal"
  }

  static func invalidNumber(_ text: String) -> String {
    "invalid number literal '\(text)'"
  }

  static func invalidRegex(_ pattern: String, reason: String) -> String {
    "invalid regular expression '\(pattern)': \(reason)"
  }

  static func lambdaOutsideCall() -> String {
    "a lambda can only be the whole query or the argument of a function such as 'map'"
  }

  static func nestedTooDeeply(limit: Int) -> String {
    "expression is nested too deeply: more than \(limit) levels of parentheses, operators, "
      + "path steps or filters; split it, or use 'let' to name the inner parts"
  }

  static func operandType(_ op: String, found: String) -> String {
    "operator '\(op)' cannot be applied to \(found)"
  }

  static func pqlJSONTooDeep(limit: Int) -> String {
    "'pql/json' tree is nested more than \(limit) levels deep"
  }

  static func repeatedChainClause(_ keyword: String) -> String {
    "'\(keyword)(...)' appears twice in one chain step"
  }

  static let singleQuotes = "strings use double quotes, not single quotes"

  static func subjectType(_ function: String, expected: String, found: String) -> String {
    "'\(function)' expects \(expected) but is applied to \(found)"
  }

  static func tooLong(tokens: Int, limit: Int) -> String {
    "expression is too long: \(tokens) tokens, at most \(limit) are accepted"
  }

  static func unbalanced(_ token: String) -> String {
    "unbalanced '\(token)' with no matching opening bracket"
  }

  static func unexpectedCharacter(_ character: String) -> String {
    "unexpected character '\(character)'"
  }

  static let unexpectedEnd = "unexpected end of expression"

  static func unexpectedToken(_ quoted: String) -> String {
    "unexpected \(quoted) after a complete expression"
  }

  static func unknownFunction(_ name: String, suggestion: String?) -> String {
    guard let suggestion else { return "unknown function '\(name)'" }
    return "unknown function '\(name)'; did you mean '\(suggestion)'?"
  }

  static func unknownUnit(_ word: String, suggestion: String?) -> String {
    guard let suggestion else { return "unknown time unit '\(word)'" }
    return "unknown time unit '\(word)'; did you mean '\(suggestion)'?"
  }

  static func unsupportedOperator(_ symbol: String) -> String {
    let replacement = symbol == "==" ? "=" : symbol == "&&" ? "and" : "or"
    return "'\(symbol)' is not a PQL operator; use '\(replacement)'"
  }

  static let unterminatedString = "unterminated string literal; add the closing '\"'"

  static func upBeyondProfile(levels: Int) -> String {
    "'\(String(repeating: "^", count: levels))' climbs above the profile; there are fewer enclosing filters"
  }

  static func wrongArgumentType(_ function: String, position: Int, expected: String, found: String)
    -> String
  {
    "argument \(position) of '\(function)' must be \(expected), not \(found)"
  }
}
