/// Why a PQL expression was refused, and where: found while parsing or checking, before any data.
///
/// For example:
///
/// ```swift
/// do { _ = try PQLQuery("loyalty.points >") } catch {
///   print(error.kind.rawValue, error.line, error.column)  // ParseError 1 17
///   print(error.rendered())
/// }
/// ```
public struct PQLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// The families of error a query can have.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The text does not follow the grammar.
    case parseError = "ParseError"
    /// A call names no built-in function.
    case unknownFunction = "UnknownFunction"
    /// A function got too few or too many arguments.
    case arityError = "ArityError"
    /// An operand or argument has a type the operation cannot take.
    case typeError = "TypeError"
    /// A literal is malformed: an impossible date, a bad escape, a number out of range.
    case invalidLiteral = "InvalidLiteral"
    /// A regular expression does not compile.
    case invalidRegex = "InvalidRegex"
  }

  /// The family of error.
  public var kind: Kind
  /// The compiler-style message: lowercase, no full stop, tokens quoted.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// The expression the diagnostic is about, for rendering.
  public var source: String

  /// Creates a diagnostic.
  public init(_ kind: Kind, _ message: String, at location: SourceLocation, source: String = "") {
    self.kind = kind
    self.message = message
    self.location = location
    self.source = source
  }

  /// The 1-based line.
  public var line: Int { location.line }
  /// The 1-based column.
  public var column: Int { location.column }

  /// `kind: message (line:column)`, on one line.
  public var description: String { "\(kind.rawValue): \(message) (\(line):\(column))" }

  /// The diagnostic as a compiler prints it: `error:`, the location, the source line and a caret.
  ///
  /// ```
  /// error: expected an expression after '>'
  ///  --> query:1:17
  ///   |
  /// 1 | loyalty.points >
  ///   |                 ^
  /// ```
  public func rendered(name: String = "query") -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let lineText = line - 1 < lines.count ? String(lines[line - 1]) : ""
    let number = String(line)
    let gutter = String(repeating: " ", count: number.count)
    let caretPad = String(
      lineText.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
    return """
      error: \(message)
      \(gutter)--> \(name):\(line):\(column)
      \(gutter) |
      \(number) | \(lineText)
      \(gutter) | \(caretPad)^
      """
  }
}
