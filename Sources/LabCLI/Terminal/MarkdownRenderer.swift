import Foundation

/// Renders lesson Markdown for a terminal: headings, paragraphs, lists, tables, code blocks,
/// block quotes, emphasis, code spans and links, wrapped to a width.
///
/// It covers the Markdown lessons use, not all of CommonMark; anything it does not recognise is
/// shown as a paragraph. Styles go through the console, so they vanish when colour is off.
///
/// For example:
///
/// ```swift
/// let text = MarkdownRenderer(console: .current).render("# Title\n\nSome *text*.")
/// ```
public struct MarkdownRenderer: Sendable {
  /// The column text is wrapped at.
  public var width: Int
  private let console: Console

  /// Creates a renderer that wraps to `console.width` and styles through `console`.
  public init(console: Console, width: Int? = nil) {
    self.console = console
    self.width = max(width ?? console.width, 20)
  }

  /// The terminal text for `markdown`, ending with a newline.
  public func render(_ markdown: String) -> String {
    var output: [String] = []
    var lines = markdown.replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
    func separate() {
      if let last = output.last, !last.isEmpty { output.append("") }
    }
    while let line = lines.first {
      let trimmed = line.trimmingLeadingSpaces()
      if trimmed.isEmpty {
        lines.removeFirst()
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        separate()
        output += codeBlock(&lines)
      } else if let level = Self.headingLevel(trimmed) {
        separate()
        lines.removeFirst()
        output += heading(String(trimmed.dropFirst(level + 1)), level: level)
      } else if trimmed.hasPrefix("|") {
        separate()
        output += table(&lines)
      } else if Self.isRule(trimmed) {
        separate()
        lines.removeFirst()
        output.append(console.styled(String(repeating: "─", count: min(width, 40)), .dim))
      } else if trimmed.hasPrefix(">") {
        separate()
        output += quote(&lines)
      } else if Self.listMarker(trimmed) != nil {
        separate()
        output += list(&lines)
      } else {
        separate()
        output += paragraph(&lines)
      }
    }
    while output.last == "" { output.removeLast() }
    return output.joined(separator: "\n") + "\n"
  }

  // MARK: - Blocks

  private func heading(_ text: String, level: Int) -> [String] {
    let title = text.trimmingCharacters(in: [" ", "#"])
    let words = InlineText(title, console: console, base: .bold).wrapped(width: width)
    switch level {
    case 1:
      let rule = String(repeating: "═", count: min(width, max(title.count, 3)))
      return words + [console.styled(rule, .bold)]
    case 2:
      let rule = String(repeating: "─", count: min(width, max(title.count, 3)))
      return words + [console.styled(rule, .dim)]
    default:
      return words
    }
  }

  private func codeBlock(_ lines: inout ArraySlice<String>) -> [String] {
    let fence = String(lines.removeFirst().trimmingLeadingSpaces().prefix(3))
    var body: [String] = []
    while let line = lines.first {
      lines.removeFirst()
      if line.trimmingLeadingSpaces().hasPrefix(fence) { break }
      body.append(line)
    }
    return body.map { "    " + console.styled($0, .cyan) }
  }

  private func paragraph(_ lines: inout ArraySlice<String>) -> [String] {
    var text: [String] = []
    while let line = lines.first {
      let trimmed = line.trimmingLeadingSpaces()
      if trimmed.isEmpty || Self.startsBlock(trimmed) { break }
      text.append(trimmed)
      lines.removeFirst()
    }
    return InlineText(text.joined(separator: " "), console: console).wrapped(width: width)
  }

  private func quote(_ lines: inout ArraySlice<String>) -> [String] {
    var text: [String] = []
    while let line = lines.first, line.trimmingLeadingSpaces().hasPrefix(">") {
      text.append(String(line.trimmingLeadingSpaces().dropFirst()).trimmingLeadingSpaces())
      lines.removeFirst()
    }
    let bar = console.styled("│ ", .dim)
    return InlineText(text.joined(separator: " "), console: console, base: .italic)
      .wrapped(width: width - 2).map { bar + $0 }
  }

  private func list(_ lines: inout ArraySlice<String>) -> [String] {
    var output: [String] = []
    var item: (indent: Int, marker: String, text: [String])?
    func flush() {
      guard let current = item else { return }
      let prefix = String(repeating: " ", count: current.indent) + current.marker
      let hang = String(repeating: " ", count: TextTable.visibleWidth(prefix))
      let wrapped = InlineText(current.text.joined(separator: " "), console: console)
        .wrapped(width: width - hang.count)
      for (index, line) in wrapped.enumerated() {
        output.append((index == 0 ? prefix : hang) + line)
      }
      item = nil
    }
    while let line = lines.first {
      let trimmed = line.trimmingLeadingSpaces()
      if trimmed.isEmpty {
        // A blank line ends the list unless the next line continues it.
        let next = lines.dropFirst().first?.trimmingLeadingSpaces() ?? ""
        let ordered = item?.marker.first?.isNumber == true
        guard let marker = Self.listMarker(next), marker.first?.isNumber == ordered else { break }
        lines.removeFirst()
        continue
      }
      let indent = (line.count - trimmed.count) / 2 * 2
      if let marker = Self.listMarker(trimmed) {
        flush()
        let text = String(trimmed.dropFirst(marker.count)).trimmingLeadingSpaces()
        let shown = marker.first?.isNumber == true ? marker : "• "
        item = (indent, shown, [text])
      } else if item != nil, indent > 0 || !Self.startsBlock(trimmed) {
        item?.text.append(trimmed)
      } else {
        break
      }
      lines.removeFirst()
    }
    flush()
    return output
  }

  private func table(_ lines: inout ArraySlice<String>) -> [String] {
    var rows: [[String]] = []
    while let line = lines.first, line.trimmingLeadingSpaces().hasPrefix("|") {
      lines.removeFirst()
      var cells = line.trimmingCharacters(in: .whitespaces).split(
        separator: "|", omittingEmptySubsequences: false
      ).map { $0.trimmingCharacters(in: .whitespaces) }
      if cells.first == "" { cells.removeFirst() }
      if cells.last == "" { cells.removeLast() }
      if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty }) { continue }
      rows.append(cells.map { InlineText($0, console: console).singleLine() })
    }
    guard let header = rows.first else { return [] }
    var table = TextTable(headers: header)
    for row in rows.dropFirst() { table.append(row) }
    let rendered = table.rendered(console: console).split(separator: "\n").map(String.init)
    if rendered.allSatisfy({ TextTable.visibleWidth($0) <= width }) { return rendered }
    // Too wide for the terminal: one record per row, "header: value" lines.
    var output: [String] = []
    for row in rows.dropFirst() {
      for (index, cell) in row.enumerated() {
        let name = index < header.count ? header[index] : ""
        let label = console.styled(name + ":", .bold) + " "
        let hang = String(repeating: " ", count: 2)
        let wrapped = InlineText(cell, console: console, preStyled: true)
          .wrapped(width: width - 2 - TextTable.visibleWidth(label))
        for (line, text) in wrapped.enumerated() {
          output.append(line == 0 ? hang + label + text : hang + hang + text)
        }
      }
      output.append("")
    }
    if output.last == "" { output.removeLast() }
    return output
  }

  // MARK: - Recognising blocks

  static func headingLevel(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  static func isRule(_ line: String) -> Bool {
    let compact = line.filter { $0 != " " }
    return compact.count >= 3
      && (compact.allSatisfy { $0 == "-" } || compact.allSatisfy { $0 == "*" }
        || compact.allSatisfy { $0 == "_" })
  }

  /// The list marker at the start of `line` with its space, such as `- ` or `12. `.
  static func listMarker(_ line: String) -> String? {
    for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) { return bullet }
    let digits = line.prefix { $0.isNumber }
    if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
      return digits + ". "
    }
    return nil
  }

  static func startsBlock(_ line: String) -> Bool {
    headingLevel(line) != nil || line.hasPrefix("```") || line.hasPrefix("~~~")
      || line.hasPrefix("|") || line.hasPrefix(">") || listMarker(line) != nil || isRule(line)
  }
}

extension String {
  /// The string without leading spaces and tabs.
  func trimmingLeadingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" })
  }
}
