/// One lexical unit of PQL text.
struct Token: Sendable, Hashable {
  /// What sort of token this is.
  enum Kind: Sendable, Hashable {
    /// An identifier or keyword; keywords are recognised by the parser, case-insensitively.
    case word
    /// A double-quoted string; `text` holds the decoded value.
    case string
    /// An integer literal; `integer` holds its value.
    case integer
    /// A decimal literal; `double` holds its value.
    case double
    /// `$n`; `integer` holds n.
    case parameter
    /// Punctuation or an operator; `text` holds it.
    case symbol
    /// The end of the text.
    case end
  }

  var kind: Kind
  var text: String
  var integer: Int = 0
  var double: Double = 0
  var location: SourceLocation

  /// Whether this is the symbol `symbol`.
  func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

  /// Whether this is the word `keyword`, ignoring case.
  func isKeyword(_ keyword: String) -> Bool {
    kind == .word && text.count == keyword.count && text.lowercased() == keyword.lowercased()
  }

  /// How the token is quoted in messages.
  var quoted: String {
    switch kind {
    case .end: return "end of expression"
    case .string: return "'\"\(text)\"'"
    default: return "'\(text)'"
    }
  }
}
