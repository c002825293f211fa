import Foundation
import GRDB
import Testing

@testable import Persistence

/// The records' two identity indexes: records stored before the split stay in the large one.
/// (`RecentRecordsReadTests` in SandboxTests follows records through both.)
struct RecentRecordsTests {
  /// How many records are in each index: (large, recent).
  static func counts(_ database: LabDatabase) throws -> (Int, Int) {
    try database.read("count") { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sandbox_record WHERE recent = 0") ?? -1,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sandbox_record WHERE recent = 1") ?? -1
      )
    }
  }

  @Test func recordsStoredBeforeTheSplitStayReadableInTheLargeIndex() throws {
    try BlobTableMigrationTests.stateFile(upTo: "v2-profile-store-parts-by-rowid") {
      path, queue in
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO sandbox_dataset VALUES ('d1', 'CRM', 'profile', '{}', 'now');
            INSERT INTO sandbox_batch VALUES ('b1', 1, 'd1', 'now', 'test', 2, 0);
            INSERT INTO sandbox_identity (id, namespace, value, graph_id, first_seen, lookup_key)
              VALUES (1, 'Email', 'a@example.com', 1, 1, ?);
            INSERT INTO sandbox_record (batch, line, kind, identity_id, json)
              VALUES (1, 1, 0, 1, '{"a": 1}'), (1, 2, 0, 1, '{"a": 2}');
            """,
          arguments: [IdentityKey.of(namespace: "Email", value: "a@example.com")])
      }
      try queue.close()
      let database = try LabDatabase.open(at: path)
      let store = SandboxStore(database: database)
      let records = try store.read { try $0.records(identityIDs: [1], kind: .profile) }
      #expect(records.map(\.json) == [#"{"a": 1}"#, #"{"a": 2}"#])
      #expect(try Self.counts(database) == (2, 0))
      let indexes = try database.read("indexes") { db in
        try String.fetchAll(
          db,
          sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sandbox_record'"
        )
      }
      #expect(Set(indexes) == ["sandbox_record_by_identity", "sandbox_record_recent_by_identity"])
    }
  }
}
