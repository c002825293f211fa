import LabCore
import Testing

@testable import PQL

/// PQL's regexes run on a linear-time matcher: catastrophic patterns finish at once, Java's
/// find semantics and groups hold, and what cannot run in linear time is refused when checked.
@Suite struct LinearRegexTests {
  private func evaluate(_ text: String, _ profile: JSONValue = [:]) throws -> PQLValue {
    try PQLQuery(text).evaluate(
      profile: profile, events: PQLEventList([]), now: PQLDateTime(millisecondsSinceEpoch: 0))
  }

  @Test func nestedQuantifiersDoNotBacktrackExponentially() throws {
    let subject = String(repeating: "a", count: 5000) + "!"
    let profile: JSONValue = ["s": .string(subject)]
    #expect(try evaluate(#"s.matches("^(a+)+$")"#, profile) == .boolean(false))
    #expect(try evaluate(#"s.matches("^(a|aa)*$")"#, profile) == .boolean(false))
    #expect(try evaluate(#"s.matches("(a*)*b")"#, profile) == .boolean(false))
    #expect(try evaluate(#"s.matches("a!$")"#, profile) == .boolean(true))
  }

  @Test(arguments: [
    ("John Smith", "(?i)^john", true), ("Mr John", "(?i)^john", false),
    ("a1b22", "\\d{2}", true), ("a1b2", "\\d{2}", false), ("x@luma.com", "@\\w+\\.com$", true),
    ("line\nnext", "^next", false), ("line\nnext", "(?m)^next", true), ("a\nb", "a.b", false),
    ("a\nb", "(?s)a.b", true), ("cat", "\\bcat\\b", true), ("concat", "\\bcat\\b", false),
    ("abc", "[^a-b]", true), ("ab", "[^a-b]", false), ("ÉCOLE", "(?i)école", true),
    ("aaa", "^a{2,3}$", true), ("aaaa", "^a{2,3}$", false), ("", "^$", true),
    ("x-y", "[\\w-]+", true), ("tab\there", "\\t", true), ("a.b", "a\\.b", true),
    ("axb", "a\\.b", false), ("colour", "colou?r", true), ("cab", "c(a|ab)$", true),
  ])
  func javaFindSemantics(subject: String, pattern: String, expected: Bool) throws {
    let compiled = try CompiledPattern(pattern)
    #expect(compiled.matches(subject) == expected)
  }

  @Test func groupsAreTheFirstMatchsAsJavaReportsThem() throws {
    #expect(try CompiledPattern("@(\\w+)").group(1, in: "jane@luma.com") == "luma")
    #expect(try CompiledPattern("(a+?)(a*)").group(1, in: "aaa") == "a")
    #expect(try CompiledPattern("(a+)(a*)").group(2, in: "aaa") == "")
    #expect(try CompiledPattern("(x)|(y)").group(1, in: "y") == nil)
    #expect(try CompiledPattern("(?<word>\\w+)").group(1, in: "  hi") == "hi")
    #expect(try CompiledPattern("(a|ab)(c|bcd)").group(0, in: "abcd") == "abcd")
    #expect(try CompiledPattern("a").group(3, in: "a") == nil)
    let profile: JSONValue = ["email": "jane@luma.com"]
    #expect(try evaluate(#"email.regexGroup("@(\\w+)", 1)"#, profile) == .string("luma"))
  }

  @Test(arguments: [
    "(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(?>a)", "a++", "\\p{L}", "[a&&[b]]",
    "a{2000}", "(a", "a)", "*a", "[z-a]", "a{3,2}",
  ])
  func whatCannotRunInLinearTimeOrIsMalformedIsRefused(pattern: String) {
    let query = "s.matches(\"\(pattern.replacingBackslashes())\")"
    let error = #expect(throws: PQLDiagnostic.self) { try PQLQuery(query) }
    #expect(error?.kind == .invalidRegex)
  }

  @Test func aStoppedBudgetEndsAMatchEarly() throws {
    let budget = WorkBudget()
    budget.stop(reason: "test")
    let compiled = try CompiledPattern("a*b")
    let text = String(repeating: "a", count: 100_000) + "b"
    #expect(compiled.matches(text))
    WorkBudget.$current.withValue(budget) {
      #expect(!compiled.matches(text))
    }
  }
}

extension String {
  /// The text with each backslash doubled, as a PQL string literal needs.
  fileprivate func replacingBackslashes() -> String {
    var result = ""
    for character in self { result += character == "\\" ? "\\\\" : String(character) }
    return result
  }
}
