/// A regular expression compiled once, when the query is checked, to a linear-time
/// ``RegexProgram``.
struct CompiledPattern: Sendable {
  /// The program the pattern compiled to.
  let program: RegexProgram
  /// The pattern as written.
  let source: String

  /// Compiles `source`; throws the reason it is refused.
  init(_ source: String) throws(RegexParser.Failure) {
    program = try RegexProgram(source)
    self.source = source
  }

  /// Whether the pattern matches somewhere in `text` (find semantics).
  func matches(_ text: String) -> Bool {
    program.firstMatch(in: Array(text.unicodeScalars)) != nil
  }

  /// The text of group `index` (0: the whole match) of the first match, or `nil` when there
  /// is no match or the group did not take part.
  func group(_ index: Int, in text: String) -> String? {
    guard index >= 0, 2 * index + 1 < program.slotCount else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard let slots = program.firstMatch(in: scalars) else { return nil }
    let start = slots[2 * index]
    let end = slots[2 * index + 1]
    guard start >= 0, end >= start else { return nil }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars[start..<end])
    return result
  }
}
