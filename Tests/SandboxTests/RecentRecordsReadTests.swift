import Foundation
import GRDB
import PlatformAPI
import Profiles
import Testing

@testable import Persistence
@testable import Sandbox

/// A small ingest's records go to the small index of recent records, every reader finds them
/// with the others in ingestion order, and past a limit an ingest moves them to the large one.
struct RecentRecordsReadTests {
  /// How many records are in each index: (large, recent).
  static func counts(_ sandbox: Sandbox) throws -> [Int] {
    try sandbox.store.database.read("count") { db in
      try [0, 1].map {
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM sandbox_record WHERE recent = ?", arguments: [$0]) ?? -1
      }
    }
  }

  static func event(_ id: String, hoursBefore: Int) -> String {
    let time = StreamingOnStoreTests.time(hoursBefore: hoursBefore)
    let ecid = StreamingOnStoreTests.ecid(1)
    return #"{"_id": "\#(id)", "ecid": "\#(ecid)", "eventType": "web", "timestamp": "\#(time)"}"#
  }

  @Test func readersFindRecordsInBothIndexesInIngestionOrder() throws {
    typealias Data = ProfileStoreEquivalenceTests
    let now = Data.now
    let sandbox = Sandbox(database: try LabDatabase.inMemory(), clock: { now })
    try sandbox.ingest([
      DatasetRecords(
        schema: Data.registrations,
        lines: [#"{"ecid": "\#(StreamingOnStoreTests.ecid(1))", "email": "a@example.com"}"#],
        source: "test"),
      DatasetRecords(
        schema: Data.web,
        lines: [Self.event("e1", hoursBefore: 3), Self.event("e2", hoursBefore: 2)],
        source: "test"),
    ])
    #expect(try Self.counts(sandbox) == [0, 3])
    // Past the limit, an ingest moves the recent records to the large index.
    try sandbox.store.database.write("settle") { db in
      try SandboxStore.settleRecentRecords(db: db, limit: 2)
    }
    #expect(try Self.counts(sandbox) == [3, 0])
    try sandbox.ingest([
      DatasetRecords(schema: Data.web, lines: [Self.event("e3", hoursBefore: 1)], source: "test")
    ])
    #expect(try Self.counts(sandbox) == [3, 1])

    // The lookups and the segment reader see both indexes.
    let events = try sandbox.events(namespace: "Email", id: "a@example.com")
    #expect(Set(events.response.children.map(\.entityId)) == ["e1", "e2", "e3"])
    let graphs = try sandbox.segmentStore.graphs(ids: [1])
    #expect(graphs.first?.events.map(\.eventID) == ["e1", "e2", "e3"])
    #expect(graphs.first?.profiles.count == 1)
  }

  /// A large ingest into a small sandbox builds its indexes at the end, and its records go
  /// to the large one; the next small ingest's to the recent one.
  @Test func aLargeIngestGoesToTheLargeIndex() throws {
    typealias Data = ProfileStoreEquivalenceTests
    let sandbox = Sandbox(database: try LabDatabase.inMemory(), clock: { Data.now })
    let large = try sandbox.ingest([
      DatasetRecords(
        schema: Data.crm, lines: (0..<60_000).map { #"{"email": "m\#($0)@example.com"}"# },
        source: "test")
    ])
    #expect(large.committed && large.accepted == 60_000)
    #expect(try Self.counts(sandbox) == [60_000, 0])
    try sandbox.ingest([
      DatasetRecords(schema: Data.crm, lines: [#"{"email": "m7@example.com"}"#], source: "test")
    ])
    #expect(try Self.counts(sandbox) == [60_000, 1])
    let profile = try sandbox.profile(namespace: "Email", id: "m7@example.com")
    #expect(profile.profile.fragmentCount == 2)
  }
}
