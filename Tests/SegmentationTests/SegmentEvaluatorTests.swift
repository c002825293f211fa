import Foundation
import LabCore
import PQL
import Testing

@testable import Segmentation

@Suite struct SegmentEvaluatorTests {
  static func segment(_ id: String, _ pql: String) -> Segment {
    Segment(id: id, name: id, expression: SegmentExpressionSource(value: pql), creationTime: 0)
  }

  static let now: Int64 = 1_714_557_600_000

  @Test func aSegmentReadingAnotherIsEvaluatedAfterItAndSeesItsNewMembership() throws {
    let gold = Self.segment("gold", #"loyalty.level = "Gold""#)
    let goldWomen = Self.segment(
      "gold-women", #"inSegment("gold") and person.gender = "female""#)
    let evaluator = try SegmentEvaluator(segments: [goldWomen, gold])
    #expect(evaluator.segments.map(\.segment.id) == ["gold", "gold-women"])
    let profile: JSONValue = ["person": ["gender": "female"], "loyalty": ["level": "Gold"]]
    let outcome = evaluator.evaluate(
      profile: profile, events: PQLEventList([]), memberships: [:], now: Self.now)
    #expect(outcome.memberships["gold"]?.status == .realized)
    #expect(outcome.memberships["gold-women"]?.status == .realized)
    #expect(outcome.changed == ["gold", "gold-women"])
  }

  @Test func inSegmentReadsStoredMembershipsOfSegmentsNotEvaluated() throws {
    let evaluator = try SegmentEvaluator(segments: [Self.segment("b", #"inSegment("a")"#)])
    let stored = ["a": SegmentMembership(status: .existing, lastQualificationTime: 1)]
    let outcome = evaluator.evaluate(
      profile: [:], events: PQLEventList([]), memberships: stored, now: Self.now)
    #expect(outcome.qualified["b"] == true)
    let exited = ["a": SegmentMembership(status: .exited, lastQualificationTime: 1)]
    let out = evaluator.evaluate(
      profile: [:], events: PQLEventList([]), memberships: exited, now: Self.now)
    #expect(out.qualified["b"] == false)
  }

  @Test func aCycleOfInSegmentReferencesIsRefused() {
    #expect(throws: SegmentationError.self) {
      try SegmentEvaluator(segments: [
        Self.segment("a", #"inSegment("b")"#), Self.segment("b", #"inSegment("a")"#),
      ])
    }
  }

  @Test func streamingKeepsAMembersStatusWhileItStillQualifies() throws {
    let evaluator = try SegmentEvaluator(segments: [Self.segment("s", "true")])
    let stored = ["s": SegmentMembership(status: .realized, lastQualificationTime: 5)]
    let outcome = evaluator.evaluate(
      profile: [:], events: PQLEventList([]), memberships: stored, now: Self.now,
      keepingMemberStatus: true)
    #expect(outcome.changed.isEmpty)
    #expect(outcome.memberships["s"] == stored["s"])
  }

  @Test func aPQLJSONExpressionIsConvertedToText() throws {
    let tree = try PQLJSON.encode(#"person.gender in ["female"]"#)
    let source = SegmentExpressionSource(format: .json, value: tree.serialized())
    let query = try source.compile()
    #expect(query.matches(profile: ["person": ["gender": "female"]], now: Date()))
    #expect(throws: SegmentationError.self) {
      try SegmentExpressionSource(format: .json, value: "{not json").compile()
    }
  }

  @Test func jobMetricsCountMembersByNamespaceAndStatus() {
    var metrics = SegmentJobMetrics()
    let outcome = SegmentOutcome(
      memberships: ["s": SegmentMembership(status: .realized, lastQualificationTime: 1)],
      qualified: ["s": true], changed: ["s"])
    metrics.count(outcome, evaluated: ["s"], namespaces: ["Email", "ECID"], previous: [:])
    #expect(metrics.segmentedProfileCounter == ["s": 1])
    #expect(metrics.segmentedProfileByNamespaceCounter["s"] == ["Email": 1, "ECID": 1])
    #expect(metrics.segmentedProfileByStatusCounter["s"] == ["realized": 1])
    #expect(metrics.json["segmentedProfileCounter"]?["s"] == 1)
  }
}
