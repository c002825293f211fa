import Foundation

/// One lesson of a module: a Markdown file, read from disk, numbered from 1 in manifest order.
public struct Lesson: Sendable, Equatable {
  /// Its position in the module, from 1.
  public var number: Int
  /// The file name inside the module folder, for example `01-the-profile.md`.
  public var fileName: String
  /// The text of its first `# ` heading, or the file name when it has none.
  public var title: String
  /// The lesson's Markdown.
  public var markdown: String

  /// Creates a lesson, taking its title from the first `# ` heading.
  public init(number: Int, fileName: String, markdown: String) {
    self.number = number
    self.fileName = fileName
    self.markdown = markdown
    self.title = Self.heading(in: markdown) ?? fileName
  }

  /// The text of the first level-one heading in `markdown`.
  static func heading(in markdown: String) -> String? {
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: true)
    where line.hasPrefix("# ") {
      return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
    }
    return nil
  }
}
