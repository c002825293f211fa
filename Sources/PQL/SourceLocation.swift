/// A position in PQL text: 1-based line and column (counted in characters), plus the offset.
public struct SourceLocation: Sendable, Hashable {
  /// The offset from the start, in Unicode scalars.
  public var offset: Int
  /// The line, from 1.
  public var line: Int
  /// The column, from 1.
  public var column: Int

  /// Creates a location.
  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// The start of the text.
  public static let start = SourceLocation(offset: 0, line: 1, column: 1)
}
