/// One run of Markdown inline text (emphasis, strong, code spans, links) split into styled
/// words, ready to wrap.
struct InlineText {
  /// A word as printed, and how many columns it takes.
  private struct Word {
    var text = ""
    var width = 0
  }

  private var words: [Word] = []

  /// Parses `text`; `base` styles all of it; `preStyled` text is split on spaces as it is.
  init(_ text: String, console: Console, base: TextStyle? = nil, preStyled: Bool = false) {
    if preStyled {
      words = text.split(separator: " ").map {
        Word(text: String($0), width: TextTable.visibleWidth(String($0)))
      }
      return
    }
    var current = Word()
    func flushWord() {
      if current.width > 0 { words.append(current) }
      current = Word()
    }
    for piece in Self.pieces(of: text) {
      var styles = piece.styles
      if let base { styles.append(base) }
      // Words break at spaces; a piece without spaces joins the word before it ("**x**,").
      let parts = piece.text.split(separator: " ", omittingEmptySubsequences: false)
      for (index, part) in parts.enumerated() {
        if index > 0 { flushWord() }
        guard !part.isEmpty else { continue }
        var rendered = String(part)
        for style in styles { rendered = console.styled(rendered, style) }
        current.text += rendered
        current.width += part.count
      }
    }
    flushWord()
  }

  /// The words on one line.
  func singleLine() -> String { words.map(\.text).joined(separator: " ") }

  /// The words wrapped greedily to `width` columns; a longer word gets a line to itself.
  func wrapped(width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in words {
      if used > 0, used + 1 + word.width > width {
        lines.append(line)
        line = ""
        used = 0
      }
      if used > 0 {
        line += " "
        used += 1
      }
      line += word.text
      used += word.width
    }
    if used > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }

  // MARK: - Parsing

  /// A stretch of text with the styles that apply to it.
  struct Piece: Equatable {
    var text: String
    var styles: [TextStyle]
  }

  /// Splits Markdown inline text into styled pieces.
  static func pieces(of text: String) -> [Piece] {
    var pieces: [Piece] = []
    var buffer = ""
    var strong = false
    var emphasis = false
    var characters = Array(text)[...]
    func styles() -> [TextStyle] {
      (strong ? [TextStyle.bold] : []) + (emphasis ? [TextStyle.italic] : [])
    }
    func flush() {
      if !buffer.isEmpty { pieces.append(Piece(text: buffer, styles: styles())) }
      buffer = ""
    }
    var previous: Character = " "
    while let character = characters.first {
      characters.removeFirst()
      switch character {
      case "\\" where characters.first.map { "\\`*_[]()#+-.!|".contains($0) } == true:
        buffer.append(characters.removeFirst())
      case "`":
        if let end = characters.firstIndex(of: "`") {
          flush()
          pieces.append(Piece(text: String(characters[..<end]), styles: [.cyan]))
          characters = characters[(end + 1)...]
        } else {
          buffer.append(character)
        }
      case "*", "_":
        let doubled = characters.first == character
        let next = doubled ? characters.dropFirst().first : characters.first
        let opens = next.map { !$0.isWhitespace } ?? false
        let closes = !previous.isWhitespace
        // '_' inside a word (snake_case) is text, not emphasis.
        let inWord =
          character == "_" && previous.isLetterOrNumber
          && (next?.isLetterOrNumber ?? false)
        let active = doubled ? strong : emphasis
        if inWord || !(active ? closes : opens) {
          buffer.append(character)
        } else {
          flush()
          if doubled {
            characters.removeFirst()
            strong.toggle()
          } else {
            emphasis.toggle()
          }
        }
      case "[":
        if let close = characters.firstIndex(of: "]"),
          characters.index(after: close) < characters.endIndex,
          characters[characters.index(after: close)] == "(",
          let end = characters[close...].firstIndex(of: ")")
        {
          flush()
          let label = String(characters[..<close])
          let url = String(characters[characters.index(close, offsetBy: 2)..<end])
          pieces.append(Piece(text: label, styles: styles() + [.underline]))
          if url != label { pieces.append(Piece(text: " (\(url))", styles: [.dim])) }
          characters = characters[(end + 1)...]
        } else {
          buffer.append(character)
        }
      default:
        buffer.append(character)
      }
      previous = character
    }
    flush()
    return pieces
  }
}

extension Character {
  /// Whether this is a letter or a digit.
  fileprivate var isLetterOrNumber: Bool { isLetter || isNumber }
}
