import Foundation
import Testing

@testable import PQL

/// Each case marks the expected error position with `1️⃣` and gives the exact message.
@Suite struct DiagnosticMessageTests {
  static let cases: [(marked: String, kind: PQLDiagnostic.Kind, message: String)] = [
    ("let A = (1) 1️⃣(A)", .parseError, "expected 'in' but found '('"),
    (
      "chain(xEvent, 1️⃣1, [A: WHAT(true)])", .parseError,
      "expected the timestamp field but found '1'"
    ),
    ("{1️⃣1: 2}", .parseError, "expected a quoted key in the object but found '1'"),
    ("let A = 1️⃣1 in (A)", .parseError, "expected '(' around the value of 'let' but found '1'"),
    ("xEvent[^ 1️⃣= 1]", .parseError, "expected '.' and a field after '^' but found '='"),
    (
      "x occurs before 1️⃣,", .parseError,
      "expected a time such as 'now', 'today', 'last month' or 'date(2025, 1, 31)' but found ','"
    ),
    (
      "chain(xEvent 1️⃣timestamp, [A: WHAT(true)])", .parseError, "expected ',' but found 'timestamp'"
    ),
    (
      "x occurs < 3 1️⃣,", .parseError, "expected a time unit such as 'days' or 'hours' but found ','"
    ),
    (
      "(1 = 1).1️⃣startsWith(\"a\")", .typeError,
      "'startsWith' expects a string but is applied to a boolean"
    ),
    ("a = 1️⃣\"x", .parseError, "unterminated string literal; add the closing '\"'"),
    ("1️⃣|| a", .parseError, "'||' is not a PQL operator; use 'or'"),
    ("x.topN(price, 1️⃣\"2\")", .typeError, "argument 2 of 'topN' must be an integer, not a string"),
    (
      "1️⃣99999999999999999999", .invalidLiteral,
      "integer literal '99999999999999999999' does not fit in 64 bits"
    ),
    ("\"a1️⃣\\u12\"", .invalidLiteral, "invalid escape sequence '\\u12' in string literal"),
    (
      "x.matches(1️⃣\"(a\")", .invalidRegex, "invalid regular expression '(a': missing ')' at index 2"
    ),
    ("x in [1, 2 1️⃣3]", .parseError, "expected ']' to close '[' but found '3'"),
    ("1️⃣foo(1)", .unknownFunction, "unknown function 'foo'"),
    ("x.1️⃣lenght()", .unknownFunction, "unknown function 'lenght'"),
    ("x.1️⃣size()", .unknownFunction, "unknown function 'size'; did you mean 'count'?"),
    ("x.1️⃣equals(\"a\", true, 1)", .arityError, "'equals' takes 1 to 2 arguments but 3 were given"),
    ("1️⃣mapEntry(1)", .arityError, "'mapEntry' takes 2 arguments but 1 was given"),
    ("not 1️⃣\"x\"", .typeError, "expected a condition but found a string"),
    ("x like 1️⃣5", .typeError, "operator 'like' cannot be applied to an integer"),
  ]

  @Test(arguments: cases.indices)
  func theMessageAppearsAtTheMarker(_ index: Int) throws {
    let (marked, kind, message) = Self.cases[index]
    let marker = try #require(marked.range(of: "1️⃣"))
    let column =
      marked.unicodeScalars.distance(
        from: marked.unicodeScalars.startIndex, to: marker.lowerBound) + 1
    let text = marked.replacingOccurrences(of: "1️⃣", with: "")
    do {
      _ = try PQLQuery(text)
      Issue.record("'\(text)' compiled")
    } catch {
      #expect(error.kind == kind, "\(text)")
      #expect(error.message == message, "\(text)")
      #expect(error.line == 1 && error.column == column, "\(text): \(error.description)")
    }
  }
}

@Suite struct DiagnosticMessagesFileTests {
  @Test func messagesAreDeclaredInAlphabeticalOrder() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/PQL/DiagnosticMessages.swift").standardizedFileURL
    let text = try String(contentsOf: url, encoding: .utf8)
    let names = text.components(separatedBy: "\n").compactMap { line -> String? in
      guard line.hasPrefix("  static func ") || line.hasPrefix("  static let ") else { return nil }
      let rest = line.split(separator: " ")[2]
      return String(rest.prefix { $0.isLetter || $0.isNumber })
    }
    #expect(names.count > 30)
    #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
  }
}
