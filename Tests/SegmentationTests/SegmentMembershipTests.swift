import LabCore
import Testing

@testable import Segmentation

@Suite struct SegmentMembershipTests {
  @Test func enteringGivesRealizedStillInGivesExistingLeavingGivesExited() {
    let entered = SegmentMembership.next(after: nil, qualifies: true, at: 1_000)
    #expect(entered == SegmentMembership(status: .realized, lastQualificationTime: 1_000))
    let stillIn = SegmentMembership.next(after: entered, qualifies: true, at: 2_000)
    #expect(stillIn == SegmentMembership(status: .existing, lastQualificationTime: 2_000))
    let left = SegmentMembership.next(after: stillIn, qualifies: false, at: 3_000)
    #expect(left == SegmentMembership(status: .exited, lastQualificationTime: 3_000))
    let stillOut = SegmentMembership.next(after: left, qualifies: false, at: 4_000)
    #expect(stillOut == left)
    let back = SegmentMembership.next(after: left, qualifies: true, at: 5_000)
    #expect(back?.status == .realized)
  }

  @Test func aProfileNeverInGetsNoMembership() {
    #expect(SegmentMembership.next(after: nil, qualifies: false, at: 1) == nil)
  }

  @Test func membershipsAreWrittenUnderUpsWithISOTimes() {
    let entity: JSONValue = [
      "person": ["gender": "female"], "segmentMembership": ["AAM": ["x": 1]],
    ]
    let written = SegmentMembership.apply(
      ["seg-1": SegmentMembership(status: .realized, lastQualificationTime: 1_714_557_600_000)],
      to: entity)
    #expect(written[path: ["segmentMembership", "ups", "seg-1", "status"]] == "realized")
    #expect(
      written[path: ["segmentMembership", "ups", "seg-1", "lastQualificationTime"]]
        == "2024-05-01T10:00:00Z")
    #expect(written[path: ["segmentMembership", "AAM", "x"]] == 1)
  }

  @Test func theClockWritesMillisecondsWhenThereAreAny() {
    #expect(SegmentClock.isoString(0) == "1970-01-01T00:00:00Z")
    #expect(SegmentClock.isoString(951_782_400_250) == "2000-02-29T00:00:00.250Z")
    #expect(SegmentClock.isoString(1_714_557_659_007) == "2024-05-01T10:00:59.007Z")
    #expect(SegmentClock.isoString(-1) == "1969-12-31T23:59:59.999Z")
  }
}
