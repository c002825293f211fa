import Testing

@testable import PQL

@Suite struct DiagnosticRenderingTests {
  @Test func renderingShowsTheLocationTheSourceLineAndACaret() throws {
    let error = try #require(compileError(#"homeAddress.countryCode = "US" and loyalty.points >"#))
    #expect(
      error.rendered() == """
        error: expected an expression after '>' but found end of expression
         --> query:1:52
          |
        1 | homeAddress.countryCode = "US" and loyalty.points >
          |                                                    ^
        """)
  }

  @Test func renderingPicksTheLineOfAMultiLineQuery() throws {
    let error = try #require(compileError("a = 1 and\n  b.nope(2)"))
    #expect(error.kind == .unknownFunction)
    #expect(error.line == 2 && error.column == 5)
    #expect(
      error.rendered(name: "segment").contains(" --> segment:2:5\n  |\n2 |   b.nope(2)\n  |     ^"))
  }

  @Test func theDescriptionNamesKindMessageAndPosition() throws {
    let error = try #require(compileError("x in"))
    #expect(
      error.description
        == "ParseError: expected an expression after 'in' but found end of expression (1:5)")
  }

  @Test func everyKindHasItsPlatformName() {
    #expect(
      PQLDiagnostic.Kind.allCases.map(\.rawValue) == [
        "ParseError", "UnknownFunction", "ArityError", "TypeError", "InvalidLiteral",
        "InvalidRegex",
      ])
  }

  @Test func messagesAreLowercaseWithoutAFullStop() {
    let samples = [
      "a =", "(a", "a)", "f.startsWithh()", "a.startsWith()", "\"a\" + 1", "1e3",
      "a.matches(\"(\")",
      "date(2025, 2, 30)", "'x'", "a occurs <= 3 fortnights before now",
    ]
    for sample in samples {
      guard let error = compileError(sample) else {
        Issue.record("'\(sample)' compiled")
        continue
      }
      let first = error.message.first.map(String.init) ?? ""
      #expect(first == first.lowercased(), "\(error.message)")
      #expect(!error.message.hasSuffix("."), "\(error.message)")
    }
  }

  private func compileError(_ text: String) -> PQLDiagnostic? {
    do {
      _ = try PQLQuery(text)
      return nil
    } catch {
      return error
    }
  }
}
