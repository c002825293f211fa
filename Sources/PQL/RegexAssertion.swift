/// A zero-width test a regex makes at a position.
enum RegexAssertion: Sendable, Equatable {
  /// `^`: the start of the text, or of a line with `(?m)`.
  case lineStart(multiline: Bool)
  /// `$`: the end of the text (or before a final line break), or of a line with `(?m)`.
  case lineEnd(multiline: Bool)
  /// `\A`: the start of the text.
  case textStart
  /// `\z`: the very end of the text.
  case textEnd
  /// `\b`, or `\B` when negated.
  case wordBoundary(negated: Bool)

  /// Whether the test holds at `position` of `text`.
  func holds(at position: Int, in text: [Unicode.Scalar]) -> Bool {
    switch self {
    case .lineStart(let multiline):
      return position == 0 || (multiline && text[position - 1] == "\n")
    case .lineEnd(let multiline):
      if position == text.count { return true }
      if multiline { return text[position] == "\n" }
      return position == text.count - 1 && text[position] == "\n"
    case .textStart: return position == 0
    case .textEnd: return position == text.count
    case .wordBoundary(let negated):
      let before = position > 0 && RegexCharacterSet.isWord(text[position - 1])
      let after = position < text.count && RegexCharacterSet.isWord(text[position])
      return (before != after) != negated
    }
  }
}
