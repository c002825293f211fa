import LabCore
import PQL
import Testing

@testable import LabCLI

@Suite struct PQLREPLSessionTests {
  private func makeSession() -> PQLREPLSession {
    PQLREPLSession(
      console: .capturing(),
      clock: { PQLDateTime(millisecondsSinceEpoch: 0) },
      lookup: { (namespace, id) throws(LabFailure) in
        guard namespace == "email" else { throw .domain("No profile has \(namespace) '\(id)'.") }
        return PQLInput(profile: ["person": ["gender": "male"]], events: [], label: "email '\(id)'")
      })
  }

  @Test func anExpressionIsEvaluated() {
    var session = makeSession()
    #expect(session.handle("1 + 2") == .output("3"))
  }

  @Test func openBracketsContinueOnTheNextLine() {
    var session = makeSession()
    #expect(session.handle("[1,") == .needsMore)
    #expect(session.isContinuing)
    #expect(session.handle("2].count()") == .output("2"))
    #expect(session.handle("1 + \\") == .needsMore)
    #expect(session.handle("1") == .output("2"))
  }

  @Test func nowPinsTheTime() {
    var session = makeSession()
    #expect(session.handle("now") == .output("1970-01-01T00:00:00Z"))
    #expect(
      session.handle(":now 2025-06-18T12:00:00Z") == .output("Evaluating at 2025-06-18T12:00:00Z."))
    #expect(session.handle("today") == .output("2025-06-18T00:00:00Z"))
  }

  @Test func jsonTogglesOutput() {
    var session = makeSession()
    _ = session.handle(":json")
    #expect(session.handle("1 = 1") == .output("{\n  \"value\": true\n}"))
  }

  @Test func profileUsesTheSandboxLookup() {
    var session = makeSession()
    #expect(
      session.handle(":profile email ryan@example.com")
        == .output("Using email 'ryan@example.com' with 0 events."))
    #expect(session.handle("person.gender") == .output("\"male\""))
    guard case .output(let text) = session.handle(":profile phone 1") else {
      Issue.record("expected output")
      return
    }
    #expect(text.contains("No profile has phone '1'."))
  }

  @Test func errorsShowTheCaretDiagnostic() {
    var session = makeSession()
    guard case .output(let text) = session.handle("a =") else {
      Issue.record("expected output")
      return
    }
    #expect(text.hasPrefix("error: expected an expression after '='"))
  }

  @Test func unknownCommandsSuggestTheNearestOne() {
    var session = makeSession()
    #expect(
      session.handle(":jsn")
        == .output("Unknown command ':jsn'. Did you mean ':json'? Type ':help' for the list."))
    #expect(session.handle(":quit") == .quit)
  }
}
