/// A regular expression compiled once, when the query is checked.
struct CompiledPattern: @unchecked Sendable {
  // Regex is an immutable value whose lowered program is built once and published atomically;
  // sharing it between threads for matching is safe, but the type is not marked Sendable.
  let regex: Regex<AnyRegexOutput>
  let source: String

  init(_ source: String) throws {
    regex = try Regex(source)
    self.source = source
    _ = "".firstMatch(of: regex)
  }
}
