import Foundation
import GRDB
import Testing

@testable import Persistence
@testable import Sandbox

/// An ingest rewrites the link rows of the graphs whose links changed, and only those.
@Suite struct GraphLinkRowsTests {
  /// Logs the graph of every link row written from now on into `written`, by a trigger.
  static func logWrites(_ sandbox: Sandbox) throws {
    try sandbox.store.database.write("test") { db in
      try db.execute(
        sql: """
          CREATE TABLE written (graph_id INTEGER);
          CREATE TRIGGER log_link_rows AFTER INSERT ON sandbox_graph_links
          BEGIN INSERT INTO written VALUES (new.graph_id); END;
          """)
    }
  }

  /// The graphs whose link rows were written since the last call (and forgets them).
  static func written(_ sandbox: Sandbox) throws -> [Int64] {
    try sandbox.store.database.write("test") { db in
      let graphs = try Int64.fetchAll(db, sql: "SELECT graph_id FROM written")
      try db.execute(sql: "DELETE FROM written")
      return graphs
    }
  }

  @Test func eventsForKnownPeopleLeaveTheirLinkRowsAndANewLinkRewritesOnlyItsGraph() throws {
    let folder = try TemporaryFolder()
    let sandbox = Sandbox(
      database: try LabDatabase.open(at: folder.path("state/lab.sqlite")),
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
    let people = (1...20).map { n in
      #"{"identityMap": {"Email": [{"id": "p\#(n)@example.com", "primary": true}], "ECID": [{"id": "\#(IngestRegressionTests.ecid(n))"}]}}"#
    }
    try Self.logWrites(sandbox)
    try sandbox.ingest(path: folder.write("people.ndjson", people.joined(separator: "\n")))
    #expect(try Self.written(sandbox).count == 20)
    let events = (1...20).map { n in
      #"{"_id": "e\#(n)", "timestamp": "2024-05-01T10:00:00Z", "eventType": "web.webpagedetails.pageViews", "identification": {"ecid": "\#(IngestRegressionTests.ecid(n))"}}"#
    }
    let report = try sandbox.ingest(
      path: folder.write("events.ndjson", events.joined(separator: "\n")),
      schemaPath: folder.write(
        "schema.json",
        #"{"name": "Web", "class": "experienceevent", "identities": [{"path": "identification.ecid", "namespace": "ECID", "primary": true}]}"#
      ))
    #expect(report.committed && report.affectedGraphIDs.count == 20)
    #expect(try Self.written(sandbox) == [], "a graph whose links did not change was rewritten")
    // A phone joins person 3: only that graph's row is written again.
    try sandbox.ingest(
      path: folder.write(
        "phone.ndjson",
        #"{"identityMap": {"Email": [{"id": "p3@example.com", "primary": true}], "Phone": [{"id": "+15550003"}]}}"#
      ))
    let graph = try sandbox.graph(namespace: "Email", id: "p3@example.com")
    #expect(graph.identities.count == 3)
    #expect(try Self.written(sandbox).count == 1)
    #expect(
      try sandbox.graph(namespace: "ECID", id: IngestRegressionTests.ecid(3)).identities.count == 3)
  }
}
