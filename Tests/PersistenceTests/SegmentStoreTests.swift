import GRDB
import Testing

@testable import Persistence
@testable import Segmentation

@Suite struct SegmentStoreTests {
  static func segment(_ id: String, name: String, at time: Int64) -> Segment {
    Segment(
      id: id, name: name, expression: SegmentExpressionSource(value: #"person.gender = "female""#),
      streaming: true, creationTime: time)
  }

  @Test func definitionsRoundTripInCreationOrderAndNamesAreUnique() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    try store.save(Self.segment("b", name: "Second", at: 2))
    try store.save(Self.segment("a", name: "First", at: 1))
    #expect(try store.segments().map(\.id) == ["a", "b"])
    #expect(try store.segments().first?.streaming == true)
    #expect(throws: Persistence.PersistenceError.self) {
      try store.save(Self.segment("c", name: "first", at: 3))
    }
    var renamed = Self.segment("a", name: "Renamed", at: 1)
    renamed.description = "changed"
    try store.save(renamed)
    #expect(try store.segments().first?.description == "changed")
  }

  @Test func deletingASegmentRemovesItsMemberships() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    try store.save(Self.segment("a", name: "A", at: 1))
    let member = SegmentMembership(status: .realized, lastQualificationTime: 10)
    try store.save(memberships: [7: ["a": member], 8: ["a": member]])
    #expect(try store.memberships(segmentID: "a").count == 2)
    #expect(try store.deleteSegment(id: "a"))
    #expect(try store.memberships(segmentID: "a").isEmpty)
    #expect(try !store.deleteSegment(id: "a"))
  }

  @Test func aFinishedJobIsKeptWithTheMembershipsItWrote() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    var job = SegmentJobRecord(
      id: "job-1",
      segments: [
        .init(
          segmentId: "a", expression: SegmentExpressionSource(value: "true"), mergePolicyId: "mp")
      ], creationTime: 5)
    try store.save(job: job)
    #expect(try store.job(id: "job-1")?.status == .queued)
    job.move(to: .succeeded, at: 9)
    job.metrics.totalProfiles = 3
    try store.save(memberships: [5: ["a": .init(status: .realized, lastQualificationTime: 1)]])
    var list = SegmentMemberList()
    list.append(key: 1, SegmentMembership(status: .exited, lastQualificationTime: 9))
    try store.finish(job: job, lists: ["a": list], evaluatedAt: 9)
    #expect(
      try store.memberships(profileKeys: [5]).isEmpty, "the job's list replaces the segment's")
    #expect(try store.job(id: "job-1") == job)
    #expect(try store.jobs().count == 1)
    #expect(
      try store.memberships(profileKeys: [1, 2]) == [
        1: ["a": .init(status: .exited, lastQualificationTime: 9)]
      ])
    #expect(try store.job(id: "nope") == nil)
  }
}
