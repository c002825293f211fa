import Foundation
import GRDB
import GRDBSQLite
import Identities
import Testing

@testable import Persistence

/// What an ingest reads of a large sandbox before it writes: the next link id through an
/// index, and thousands of stored identities looked up in parts on every core.
@Suite struct IngestLookupTests {
  /// A state file in a fresh folder, removed by `cleanup`.
  func stateFile() throws -> (path: String, cleanup: () -> Void) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (
      folder.appendingPathComponent("lab.sqlite").path,
      { try? FileManager.default.removeItem(at: folder) }
    )
  }

  @Test func anOlderStateFileGetsTheLinkIDIndexAndTheNextLinkIDComesThroughIt() throws {
    let (path, cleanup) = try stateFile()
    defer { cleanup() }
    do {
      let queue = try DatabaseQueue(path: path)
      try LabDatabase.makeMigrator().migrate(queue, upTo: "v3-sandbox-recent-records")
      try queue.write { db in
        for graph in 1...50 {
          try db.execute(
            sql: """
              INSERT INTO sandbox_graph_links (graph_id, max_link_id, active_links, links)
              VALUES (?, ?, 1, x'01')
              """, arguments: [graph, graph * 7 % 61])
        }
      }
    }
    let database = try LabDatabase.open(at: path)
    try database.writer.write { db in
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'sandbox_graph_links'")
      #expect(indexes.contains("sandbox_graph_links_by_link_id"))
      let next = try SandboxStore.nextIDs(db)
      #expect(next.link == 61)
      #expect(next.identity == 1)
      // The highest link id is read from the index's last entry, not from every graph's row:
      // without the index, the same query steps through all 50 rows.
      let withIndex = try steps(of: "SELECT MAX(max_link_id) FROM sandbox_graph_links", db)
      try db.execute(sql: "DROP INDEX sandbox_graph_links_by_link_id")
      let withoutIndex = try steps(of: "SELECT MAX(max_link_id) FROM sandbox_graph_links", db)
      #expect(withIndex < 20)
      #expect(withoutIndex > 50)
    }
  }

  /// The virtual machine steps SQLite took to run `sql` once.
  func steps(of sql: String, _ db: Database) throws -> Int32 {
    let statement = try db.makeStatement(sql: sql)
    _ = try Int64.fetchOne(statement)
    return sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0)
  }

  @Test func thousandsOfIdentitiesLookedUpInPartsGiveWhatOneReadGives() throws {
    let (path, cleanup) = try stateFile()
    defer { cleanup() }
    let database = try LabDatabase.open(at: path)
    let stored = (1...6_000).map {
      Identity(namespace: $0 % 3 == 0 ? "ECID" : "Email", id: "p\($0)")
    }
    try database.writer.write { db in
      for (index, identity) in stored.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO sandbox_identity (id, namespace, value, graph_id, first_seen, lookup_key)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            index + 1, identity.namespace, identity.id, index / 3 + 1, index,
            IdentityKey.of(namespace: identity.namespace, value: identity.id),
          ])
      }
    }
    // Every other stored identity, and as many that are not stored, in no particular order.
    let wanted =
      stride(from: 0, to: stored.count, by: 2).map { stored[$0] }
      + (1...3_000).map { Identity(namespace: "Email", id: "absent\($0)") }
    let asked = wanted.shuffled()
    let store = SandboxStore(database: database)
    let inParts = try store.storedIdentities(asked)
    let inOneRead = try database.writer.read { db in
      try SandboxStore.storedIdentities(asked, db: db)
    }
    #expect(inParts.count == 3_000)
    #expect(inParts == inOneRead)
    #expect(inParts[stored[10]]?.graphID == 4)
    #expect(inParts[stored[10]]?.storedID == 11)
  }
}
