/// The few terminal styles aep-lab uses, as ANSI escape sequences.
public enum TextStyle: Sendable {
  /// Headings and names.
  case bold
  /// Secondary text.
  case dim
  /// Success.
  case green
  /// Failure.
  case red
  /// Warnings and things to notice.
  case yellow
  /// Commands to type and code.
  case cyan
  /// Emphasis in lessons.
  case italic
  /// Link text in lessons.
  case underline

  /// Wraps `text` in this style's escape codes.
  func apply(to text: String) -> String {
    let code: String
    switch self {
    case .bold: code = "1"
    case .dim: code = "2"
    case .green: code = "32"
    case .red: code = "31"
    case .yellow: code = "33"
    case .cyan: code = "36"
    case .italic: code = "3"
    case .underline: code = "4"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
