import LabCore
import Testing

@testable import PQL

@Suite struct PQLEligibilityTests {
  private func methods(_ text: String) throws -> [PQLEvaluationMethod] {
    try PQLQuery(text).eligibility.methods
  }

  @Test func profileOnlyQualifiesEverywhere() throws {
    #expect(
      try methods(#"homeAddress.country.equals("Canada", false)"#) == [.batch, .streaming, .edge])
  }

  @Test func aSingleEventWithinADayQualifiesEverywhere() throws {
    #expect(
      try methods(
        #"CHAIN(xEvent, timestamp, [C0: WHAT(eventType.equals("commerce.checkouts", false)) WHEN(today)])"#
      ) == [.batch, .streaming, .edge])
    #expect(
      try methods(
        #"person.gender = "male" and xEvent[timestamp occurs <= 24 hours before now].count() > 0"#)
        == [.batch, .streaming, .edge])
  }

  @Test func twoStepsWithinADayQualify() throws {
    #expect(
      try methods(
        #"chain(xEvent, timestamp, [A: WHAT(eventType = "a") WHEN(today), B: WHAT(eventType = "b") WHEN(today)])"#
      ) == [.batch, .streaming, .edge])
  }

  @Test func longOrMissingWindowsAreBatchOnly() throws {
    let query = try PQLQuery(#"xEvent[timestamp occurs <= 7 days before now].count() > 2"#)
    #expect(query.eligibility.methods == [.batch])
    #expect(query.eligibility.streaming.reason?.contains("24 hours") == true)
    #expect(try methods(#"chain(xEvent, timestamp, [A: WHAT(eventType = "a")])"#) == [.batch])
    #expect(try methods(#"select X from xEvent where X.eventType = "a""#) == [.batch])
    #expect(try methods(#"xEvent.commerce.order.priceTotal > 10"#) == [.batch])
  }

  @Test func inSegmentConjunctionsAreBatchAndEdge() throws {
    let query = try PQLQuery(#"inSegment("a") and inSegment("b") and person.gender = "female""#)
    #expect(query.eligibility.methods == [.batch, .edge])
    #expect(query.referencedSegmentIDs == ["a", "b"])
    #expect(
      query.eligibility(profileOnlyAudience: { _ in true }).methods == [.batch, .streaming, .edge])
  }

  @Test func inSegmentWithEventsIsBatchOnly() throws {
    let query = try PQLQuery(
      #"inSegment("a") and chain(xEvent, timestamp, [A: WHAT(eventType = "x") WHEN(today)])"#)
    #expect(query.eligibility.methods == [.batch])
    #expect(query.eligibility.edge.reason != nil)
  }

  @Test func inSegmentUnderOrIsBatchOnly() throws {
    #expect(try methods(#"inSegment("a") or inSegment("b")"#) == [.batch])
  }

  @Test func aWholeNegatedEventQueryIsBatchOnly() throws {
    #expect(
      try methods(#"not(chain(xEvent, timestamp, [A: WHAT(eventType = "x") WHEN(today)]))"#) == [
        .batch
      ])
  }
}

@Suite struct PQLProfileOnlyTests {
  @Test func profileOnlyMeansNoEventsAndNoSegments() throws {
    #expect(try PQLQuery(#"person.gender = "female""#).isProfileOnly)
    #expect(try !PQLQuery(#"xEvent.count() > 0"#).isProfileOnly)
    #expect(try !PQLQuery(#"inSegment("a")"#).isProfileOnly)
  }

  @Test func aQueryCompilesFromItsOwnTree() throws {
    let query = try PQLQuery(#"person.gender in ["female"]"#)
    #expect(try PQLQuery(json: query.json).text == query.text)
  }
}

@Suite struct PQLClassifierStrictnessTests {
  @Test func quantifiersOverEventsAreBatchOnlyEvenWithAWindow() throws {
    let query = try PQLQuery(#"exists E from xEvent where E.timestamp occurs today"#)
    #expect(query.eligibility.methods == [.batch])
  }
}
