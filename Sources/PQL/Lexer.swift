/// Turns PQL text into tokens, or the first lexical error.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private let source: String
  private var index = 0
  private var line = 1
  private var column = 1

  init(_ source: String) {
    self.source = source
    scalars = Array(source.unicodeScalars)
  }

  /// All tokens, ending with `.end`.
  static func tokenize(_ source: String) throws(PQLDiagnostic) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private var location: SourceLocation { SourceLocation(offset: index, line: line, column: column) }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    index + ahead < scalars.count ? scalars[index + ahead] : nil
  }

  private mutating func advance() {
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private func fail(
    _ kind: PQLDiagnostic.Kind, _ message: String, at location: SourceLocation
  ) -> PQLDiagnostic {
    PQLDiagnostic(kind, message, at: location, source: source)
  }

  private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
  }

  private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

  private mutating func next() throws(PQLDiagnostic) -> Token {
    while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
      advance()
    }
    let start = location
    guard let scalar = peek() else { return Token(kind: .end, text: "", location: start) }
    if Self.isIdentifierStart(scalar) {
      var text = ""
      while let part = peek(), Self.isIdentifierPart(part) {
        text.unicodeScalars.append(part)
        advance()
      }
      return Token(kind: .word, text: text, location: start)
    }
    if Self.isDigit(scalar) { return try number(start: start) }
    if scalar == "\"" { return try string(start: start) }
    if scalar == "'" {
      throw fail(.parseError, DiagnosticMessages.singleQuotes, at: start)
    }
    if scalar == "$" {
      advance()
      var digits = ""
      while let digit = peek(), Self.isDigit(digit) {
        digits.unicodeScalars.append(digit)
        advance()
      }
      guard let position = Int(digits), position >= 1 else {
        throw fail(.parseError, DiagnosticMessages.expectedParameterNumber(), at: start)
      }
      return Token(kind: .parameter, text: "$" + digits, integer: position, location: start)
    }
    for symbol in ["=>", "!=", "<=", ">=", "==", "&&", "||"] where matches(symbol) {
      if symbol == "==" || symbol == "&&" || symbol == "||" {
        throw fail(.parseError, DiagnosticMessages.unsupportedOperator(symbol), at: start)
      }
      advance()
      advance()
      return Token(kind: .symbol, text: symbol, location: start)
    }
    if "().,[]{}:=<>+-*/%^!".unicodeScalars.contains(scalar) {
      advance()
      return Token(kind: .symbol, text: String(scalar), location: start)
    }
    throw fail(.parseError, DiagnosticMessages.unexpectedCharacter(String(scalar)), at: start)
  }

  private func matches(_ symbol: String) -> Bool {
    var offset = 0
    for scalar in symbol.unicodeScalars {
      guard peek(offset) == scalar else { return false }
      offset += 1
    }
    return true
  }

  private mutating func number(start: SourceLocation) throws(PQLDiagnostic) -> Token {
    var text = ""
    while let digit = peek(), Self.isDigit(digit) {
      text.unicodeScalars.append(digit)
      advance()
    }
    var isDouble = false
    if peek() == ".", let after = peek(1), Self.isDigit(after) {
      isDouble = true
      text += "."
      advance()
      while let digit = peek(), Self.isDigit(digit) {
        text.unicodeScalars.append(digit)
        advance()
      }
    }
    let secondFraction = isDouble && peek() == "." && peek(1).map(Self.isDigit) == true
    if let trailing = peek(), Self.isIdentifierPart(trailing) || secondFraction {
      while let part = peek(), Self.isIdentifierPart(part) || part == "." {
        text.unicodeScalars.append(part)
        advance()
      }
      throw fail(.invalidLiteral, DiagnosticMessages.invalidNumber(text), at: start)
    }
    if isDouble {
      guard let value = Double(text), value.isFinite else {
        throw fail(.invalidLiteral, DiagnosticMessages.invalidNumber(text), at: start)
      }
      return Token(kind: .double, text: text, double: value, location: start)
    }
    guard let value = Int(text) else {
      throw fail(.invalidLiteral, DiagnosticMessages.integerOutOfRange(text), at: start)
    }
    return Token(kind: .integer, text: text, integer: value, location: start)
  }

  private mutating func string(start: SourceLocation) throws(PQLDiagnostic) -> Token {
    advance()
    var value = ""
    while true {
      guard let scalar = peek(), scalar != "\n" else {
        throw fail(.parseError, DiagnosticMessages.unterminatedString, at: start)
      }
      if scalar == "\"" {
        advance()
        return Token(kind: .string, text: value, location: start)
      }
      if scalar == "\\" {
        let escapeStart = location
        advance()
        guard let escaped = peek() else {
          throw fail(.parseError, DiagnosticMessages.unterminatedString, at: start)
        }
        advance()
        switch escaped {
        case "\"": value += "\""
        case "\\": value += "\\"
        case "/": value += "/"
        case "n": value += "\n"
        case "t": value += "\t"
        case "r": value += "\r"
        case "b": value += "\u{8}"
        case "f": value += "\u{C}"
        case "u":
          var hex = ""
          for _ in 0..<4 {
            guard let digit = peek(), digit.properties.isASCIIHexDigit else { break }
            hex.unicodeScalars.append(digit)
            advance()
          }
          guard hex.count == 4, let code = UInt32(hex, radix: 16),
            let decoded = Unicode.Scalar(code)
          else {
            throw fail(
              .invalidLiteral, DiagnosticMessages.invalidEscape("\\u" + hex), at: escapeStart)
          }
          value.unicodeScalars.append(decoded)
        default:
          throw fail(
            .invalidLiteral, DiagnosticMessages.invalidEscape("\\" + String(escaped)),
            at: escapeStart)
        }
        continue
      }
      value.unicodeScalars.append(scalar)
      advance()
    }
  }
}
