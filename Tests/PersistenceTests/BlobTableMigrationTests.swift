import Foundation
import GRDB
import Segmentation
import Testing

@testable import Persistence

/// The tables of large BLOBs move to rowid tables with their rows intact.
struct BlobTableMigrationTests {
  /// A state file migrated up to `migration`, in a folder removed at the end of the test.
  static func stateFile(upTo migration: String, _ body: (String, DatabaseQueue) throws -> Void)
    throws
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("state.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try LabDatabase.makeMigrator().migrate(queue, upTo: migration)
    try body(path, queue)
  }

  /// Whether `table` has rowids (a table WITHOUT ROWID refuses to select one).
  static func hasRowIDs(_ table: String, _ database: LabDatabase) throws -> Bool {
    try database.read("probe") { db in
      (try? Int.fetchOne(db, sql: "SELECT rowid FROM \(table) LIMIT 1")) != nil
    }
  }

  @Test func profileStorePartsKeepTheirBytesInARowidTable() throws {
    try Self.stateFile(upTo: "v1-profile-store") { path, queue in
      let big = Data((0..<200_000).map { UInt8($0 % 251) })
      try queue.write { db in
        try db.execute(
          sql: "INSERT INTO profile_store VALUES ('p', 'stamp', 'g1', x'00')")
        try db.execute(
          sql:
            "INSERT INTO profile_store_part VALUES ('p', 'g1', 'keys', ?), ('p', 'g1', 'e.0', ?)",
          arguments: [big, Data([1, 2, 3])])
      }
      try queue.close()
      let database = try LabDatabase.open(at: path)
      let store = SandboxStore(database: database)
      #expect(try store.profileColumnPart(policyID: "p", generation: "g1", name: "keys") == big)
      #expect(
        try store.profileColumnPart(policyID: "p", generation: "g1", name: "e.0")
          == Data([1, 2, 3]))
      #expect(try store.profileColumnPart(policyID: "p", generation: "g0", name: "keys") == nil)
      #expect(try Self.hasRowIDs("profile_store_part", database))
    }
  }

  @Test func membershipPagesKeepTheirBytesInARowidTable() throws {
    try Self.stateFile(upTo: "v2-membership-pages") { path, queue in
      var list = SegmentMemberList()
      for key in Int64(1)...2_000 {
        list.append(key: key * 3, SegmentMembership(status: .realized, lastQualificationTime: key))
      }
      try queue.write { db in
        try SegmentStore.replace(segmentID: "s", with: list, evaluatedAt: 7, db: db)
      }
      try queue.close()
      let database = try LabDatabase.open(at: path)
      #expect(try SegmentStore(database: database).memberships(segmentID: "s") == list.byKey)
      #expect(try Self.hasRowIDs("segment_membership_page", database))
    }
  }
}
