/// A plain-text table with a header row, columns padded to their widest cell.
///
/// For example:
///
/// ```swift
/// var table = TextTable(headers: ["ID", "STATUS"])
/// table.append(["exercise-11", "done"])
/// console.write(table.rendered(console: console))
/// ```
public struct TextTable: Sendable {
  /// The column titles.
  public var headers: [String]
  /// The body rows; a short row is padded with empty cells.
  public var rows: [[String]] = []

  /// Creates an empty table with these column titles.
  public init(headers: [String]) {
    self.headers = headers
  }

  /// Adds a row.
  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table as lines of text, the header in bold when the console has colour.
  ///
  /// Cells may contain ANSI styles; widths count only visible characters.
  public func rendered(console: Console) -> String {
    let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
    var widths = [Int](repeating: 0, count: columnCount)
    for row in [headers] + rows {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], Self.visibleWidth(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for index in 0..<columnCount {
        let cell = index < cells.count ? cells[index] : ""
        let isLast = index == columnCount - 1
        let padding =
          isLast ? "" : String(repeating: " ", count: widths[index] - Self.visibleWidth(cell))
        parts.append(cell + padding)
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }  // an empty last cell leaves no padding
      return text
    }
    var output = console.styled(line(headers), .bold) + "\n"
    for row in rows { output += line(row) + "\n" }
    return output
  }

  /// The number of characters a terminal shows for `text`, ignoring ANSI escape sequences.
  static func visibleWidth(_ text: String) -> Int {
    var count = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        count += 1
      }
    }
    return count
  }
}
