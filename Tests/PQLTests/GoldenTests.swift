import Foundation
import LabCore
import Testing

@testable import PQL

@Suite struct GoldenTests {
  @Test func everyGoldenFileHasCases() {
    #expect(GoldenCase.all().count >= 128)
  }

  @Test(arguments: GoldenCase.all())
  func goldenCaseGivesItsExpectedResult(_ golden: GoldenCase) throws {
    let now = try #require(PQLDateTime(iso8601: golden.now))
    if let kind = golden.expectedError {
      do {
        let query = try PQLQuery(golden.expression)
        Issue.record("expected \(kind) but compiled: \(query.text)")
      } catch {
        #expect(error.kind.rawValue == kind, "\(error.description)")
        if let location = golden.expectedLocation {
          #expect(error.line == location.line && error.column == location.column, "\(error)")
        }
        if let message = golden.expectedMessage { #expect(error.message == message) }
      }
      return
    }
    let query = try PQLQuery(golden.expression)
    let profile = golden.profile.flatMap { GoldenFixtures.shared.profiles[$0] } ?? [:]
    let events = golden.events.flatMap { GoldenFixtures.shared.events[$0] } ?? []
    let expected = try #require(golden.expected, "case \(golden.id) has no '# expect:' line")
    if case .bool(let flag) = expected {
      let result = query.matches(profile: profile, events: PQLEventList(events), now: now)
      #expect(result == flag, "\(golden.expression)")
      // The general evaluator must agree with the fast paths `matches` may take.
      let value = query.evaluate(profile: profile, events: PQLEventList(events), now: now)
      #expect(value.isTruthy == flag, "evaluate: \(golden.expression)")
    } else {
      let value = query.evaluate(profile: profile, events: PQLEventList(events), now: now)
      #expect(value.json == expected, "\(golden.expression) gave \(value.json.serialized())")
    }
    if let tree = golden.expectedJSON {
      #expect(PQLJSON.encode(query) == tree)
    }
  }
}
