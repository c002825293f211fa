import Foundation
import GRDB
import Testing

@testable import Persistence
@testable import Segmentation

/// Memberships kept as pages: exact round trips, jobs that write only what changed, streaming
/// updates beside a job's pages, damage reported, and state files of the row-per-profile
/// format carried over.
@Suite struct MembershipPageTests {
  /// A random list over keys spread across pages (and negative keys, the `none` policy's).
  static func randomList(_ generator: inout some RandomNumberGenerator, now: Int64)
    -> SegmentMemberList
  {
    var list = SegmentMemberList()
    var key = Int64.random(in: -5_000 ... -1, using: &generator)
    for _ in 0..<Int.random(in: 0...3_000, using: &generator) {
      key += Int64.random(in: 1...(Bool.random(using: &generator) ? 3 : 2_500), using: &generator)
      let status = SegmentMembership.Status.allCases.randomElement(using: &generator) ?? .existing
      let time =
        Bool.random(using: &generator) ? now : Int64.random(in: 0...now * 2, using: &generator)
      list.append(key: key, SegmentMembership(status: status, lastQualificationTime: time))
    }
    return list
  }

  @Test func listsRoundTripThroughPagesExactly() throws {
    var generator = SystemRandomNumberGenerator()
    let store = SegmentStore(database: try LabDatabase.inMemory())
    for round in 0..<20 {
      let now = Int64(1_700_000_000_000 + round)
      let list = Self.randomList(&generator, now: now)
      try store.finish(job: Self.job, lists: ["s": list], evaluatedAt: now)
      #expect(try store.members(segmentID: "s") == list)
      let some = list.keys.filter { _ in Bool.random(using: &generator) } + [123_456_789]
      let found = try store.memberships(profileKeys: some)
      for key in some { #expect(found[key]?["s"] == list.membership(for: key)) }
    }
  }

  @Test func aJobThatChangesNothingWritesNoPage() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    var first = SegmentMemberList()
    var second = SegmentMemberList()
    for key in stride(from: Int64(1), to: 50_000, by: 7) {
      first.append(key: key, SegmentMembership(status: .existing, lastQualificationTime: 100))
      second.append(key: key, SegmentMembership(status: .existing, lastQualificationTime: 200))
    }
    try store.finish(job: Self.job, lists: ["s": first], evaluatedAt: 100)
    let pages = try Self.pageCount(store)
    #expect(pages > 40)
    let before = try Self.totalChanges(store)
    try store.finish(job: Self.job, lists: ["s": second], evaluatedAt: 200)
    // The segment's time and the job: two rows, whatever the number of members.
    #expect(try Self.totalChanges(store) - before == 2)
    #expect(try store.members(segmentID: "s") == second)
    #expect(try Self.pageCount(store) == pages)
  }

  @Test func streamingChangesKeepTheOtherMembershipsOfTheirPage() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    var list = SegmentMemberList()
    for key in Int64(1)...2_000 {
      list.append(key: key, SegmentMembership(status: .realized, lastQualificationTime: 100))
    }
    try store.finish(job: Self.job, lists: ["s": list], evaluatedAt: 100)
    let entered = SegmentMembership(status: .realized, lastQualificationTime: 150)
    let left = SegmentMembership(status: .exited, lastQualificationTime: 150)
    try store.save(memberships: [5: ["s": left], 2_500: ["s": entered], 9: ["t": entered]])
    let members = try store.memberships(segmentID: "s")
    #expect(members.count == 2_001)
    #expect(members[5] == left)
    #expect(members[2_500] == entered)
    #expect(members[6] == SegmentMembership(status: .realized, lastQualificationTime: 100))
    let kept = SegmentMembership(status: .realized, lastQualificationTime: 100)
    #expect(
      try store.memberships(profileKeys: [9, 5]) == [9: ["s": kept, "t": entered], 5: ["s": left]])
  }

  @Test func randomStreamingSavesAndFilteredReadsAgreeWithAModel() throws {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<10 {
      let store = SegmentStore(database: try LabDatabase.inMemory())
      let now = Int64(1_700_000_000_000 + round)
      var model: [String: [Int64: SegmentMembership]] = [:]
      for segment in ["a", "b", "c"] {
        let list = Self.randomList(&generator, now: now)
        try store.finish(job: Self.job, lists: [segment: list], evaluatedAt: now)
        model[segment] = Dictionary(
          uniqueKeysWithValues: zip(list.keys, list.memberships).map { ($0, $1) })
      }
      // Changes to stored keys and to new ones, before, between and after the stored keys.
      let stored = model.values.flatMap(\.keys)
      var changes: [Int64: [String: SegmentMembership]] = [:]
      for _ in 0..<Int.random(in: 1...400, using: &generator) {
        let key =
          Bool.random(using: &generator) && !stored.isEmpty
          ? stored.randomElement(using: &generator) ?? 0
          : Int64.random(in: -6_000...200_000, using: &generator)
        let segment = ["a", "b", "d"].randomElement(using: &generator) ?? "a"
        let status = SegmentMembership.Status.allCases.randomElement(using: &generator) ?? .exited
        let membership = SegmentMembership(
          status: status, lastQualificationTime: now + Int64.random(in: 0...2, using: &generator))
        changes[key, default: [:]][segment] = membership
        model[segment, default: [:]][key] = membership
      }
      try store.save(memberships: changes)
      for segment in ["a", "b", "c", "d"] {
        #expect(try store.memberships(segmentID: segment) == model[segment] ?? [:])
      }
      let asked = Array(changes.keys) + stored.prefix(300) + [-7_000, 900_000]
      for filter in [nil, Set(["a"]), Set(["b", "d"])] as [Set<String>?] {
        var expected: [Int64: [String: SegmentMembership]] = [:]
        for (segment, members) in model where filter?.contains(segment) ?? true {
          for key in asked {
            if let found = members[key] { expected[key, default: [:]][segment] = found }
          }
        }
        #expect(try store.memberships(profileKeys: asked, segmentIDs: filter) == expected)
      }
    }
  }

  @Test func aDamagedPageIsReportedWithWhatToDo() throws {
    let store = SegmentStore(database: try LabDatabase.inMemory())
    var list = SegmentMemberList()
    list.append(key: 3, SegmentMembership(status: .existing, lastQualificationTime: 1))
    try store.finish(job: Self.job, lists: ["s": list], evaluatedAt: 1)
    try store.database.write("damage a page") { db in
      try db.execute(sql: "UPDATE segment_membership_page SET members = x'ff'")
    }
    #expect {
      _ = try store.members(segmentID: "s")
    } throws: { error in
      "\(error.localizedDescription)".contains("segment run --all")
    }
  }

  @Test func memberRowsOfAnEarlierStateFileBecomePages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("state.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try LabDatabase.makeMigrator().migrate(queue, upTo: "v1-segments")
    try queue.write { db in
      for key in Int64(1)...3_000 {
        try db.execute(
          sql: "INSERT INTO segment_membership VALUES (?, 'old', ?, ?)",
          arguments: [key, key % 3 == 0 ? "exited" : "existing", key % 3 == 0 ? key : 500])
      }
    }
    try queue.close()
    let store = SegmentStore(database: try LabDatabase.open(at: path))
    let members = try store.memberships(segmentID: "old")
    #expect(members.count == 3_000)
    #expect(members[3] == SegmentMembership(status: .exited, lastQualificationTime: 3))
    #expect(members[4] == SegmentMembership(status: .existing, lastQualificationTime: 500))
  }

  static let job = SegmentJobRecord(id: "job", segments: [], creationTime: 1)

  static func pageCount(_ store: SegmentStore) throws -> Int {
    try store.database.read("count pages") { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM segment_membership_page") ?? 0
    }
  }

  static func totalChanges(_ store: SegmentStore) throws -> Int {
    try store.database.read("count changes") { db in db.totalChangesCount }
  }
}
