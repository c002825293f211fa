import Foundation
import GRDB
import Identities
import LabCore
import Testing

@testable import Persistence
@testable import Sandbox

/// Bugs an independent review found in the streamed ingest and the second graph storage, each
/// kept as the test that reproduced it.
@Suite struct IngestRegressionTests {
  static func ecid(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: 38 - digits.count) + digits
  }

  func sandbox(onFile: Bool, folder: TemporaryFolder) throws -> Sandbox {
    Sandbox(
      database: onFile
        ? try LabDatabase.open(at: folder.path("state/lab.sqlite")) : try LabDatabase.inMemory(),
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
  }

  /// A link removed by the graph limit joins two graphs (it is kept in the ECID's row); a later
  /// ingest that restores only the ECID's graph skips it and rewrites the row without it.
  @Test(arguments: [false, true])
  func aLaterIngestKeepsALinkRemovedByTheGraphLimit(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    let lines = (1...50).map { n in
      #"{"identityMap": {"Email": [{"id": "hub@example.com", "primary": true}], "ECID": [{"id": "\#(Self.ecid(n))"}]}}"#
    }
    try sandbox.ingest(path: folder.write("hub.ndjson", lines.joined(separator: "\n")))
    func former() throws -> [IdentityLink]? {
      try sandbox.explainLink(
        namespace: "ecid", id: Self.ecid(1), toNamespace: "email", toID: "hub@example.com"
      ).formerChain
    }
    #expect(try former()?.first?.state == .removedByGraphLimit)
    // One more record for the removed ECID (no new identity): its graph's row is rewritten.
    try sandbox.ingest(
      path: folder.write(
        "more.ndjson", #"{"identityMap": {"ECID": [{"id": "\#(Self.ecid(1))"}]}}"#),
      datasetName: "hub")
    #expect(try former()?.first?.state == .removedByGraphLimit, "the removed link was lost")
  }
}

extension IngestRegressionTests {
  /// A first-version state file with a stale link row migrates into rows a later ingest keeps.
  ///
  /// The file is as the first storage left it after three batches with CRMID unique: (1) {e, B};
  /// (2) {e, C}, which removed e–B; (3) {e, A}, which removed e–C. The old ingest restored graph
  /// 2 in batch 3 but skipped e–B (B's graph was not restored), so that row kept graph_id 2
  /// after e moved to graph 1.
  @Test func aMigratedStaleLinkRowDoesNotBreakALaterIngest() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("state/lab.sqlite")
    try FileManager.default.createDirectory(
      atPath: folder.path("state"), withIntermediateDirectories: true)
    do {
      let queue = try DatabaseQueue(path: path)
      try LabDatabase.makeMigrator().migrate(queue, upTo: "v1-segments")
      let o = { (batch: Int64, line: Int64) in batch << 32 | line }
      let crm = Sandbox.datasetID(forName: "CRM")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO sandbox_dataset (id, name, class, schema, created_at)
              VALUES ('\(crm)', 'CRM', 'profile', '{}', '2024-05-01T00:00:00Z');
            INSERT INTO sandbox_batch (id, number, dataset_id, ingested_at, source, accepted, rejected)
              VALUES ('b1', 1, '\(crm)', 'x', 'x', 2, 0), ('b2', 2, '\(crm)', 'x', 'x', 1, 0),
                     ('b3', 3, '\(crm)', 'x', 'x', 1, 0);
            INSERT INTO sandbox_identity (id, namespace, value, graph_id, first_seen) VALUES
              (1, 'CRMID', 'A', 1, \(o(1, 1))), (2, 'Email', 'e@example.com', 1, \(o(1, 2))),
              (3, 'CRMID', 'B', 3, \(o(1, 2))), (4, 'CRMID', 'C', 4, \(o(2, 1)));
            INSERT INTO sandbox_link
              (id, from_id, to_id, batch, record_line, first_order, last_order, state, graph_id)
              VALUES (1, 2, 3, 1, 2, \(o(1, 2)), \(o(1, 2)), 2, 2),
                     (2, 2, 4, 2, 1, \(o(2, 1)), \(o(2, 1)), 2, 1),
                     (3, 2, 1, 3, 1, \(o(3, 1)), \(o(3, 1)), 0, 1);
            """)
      }
    }
    let sandbox = Sandbox(database: try LabDatabase.open(at: path))
    try sandbox.setIdentityRules(unique: ["CRMID"], priority: ["CRMID", "Email"])
    // e joins a new CRMID D: the rules split A off, and e's graph gets id 2.
    let data = try folder.write(
      "d.ndjson", #"{"email": "e@example.com", "crm": "D"}"# + "\n")
    let schema = try folder.write(
      "crm.json",
      #"{"name": "CRM", "class": "profile", "identities": [{"path": "email", "namespace": "Email", "primary": true}, {"path": "crm", "namespace": "CRMID"}]}"#
    )
    let report = try sandbox.ingest(path: data, datasetName: "CRM", schemaPath: schema)
    #expect(report.committed)
    #expect(
      try sandbox.store.identity(Identity(namespace: "Email", id: "e@example.com"))?.graphID == 2)
  }
}

extension IngestRegressionTests {
  final class Calls: @unchecked Sendable {
    let lock = NSLock()
    var last: (Int, Int)?
    func record(_ done: Int, _ total: Int) { lock.withLock { last = (done, total) } }
  }

  /// The last progress call is (total, total), even when the last chunk holds only refused
  /// records.
  @Test(arguments: [false, true])
  func progressReachesItsTotal(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    var lines = (0..<4096).map { #"{"identityMap": {"Email": [{"id": "p\#($0)@example.com"}]}}"# }
    lines.append(#"{"identityMap": {"Email": [{"id": ""}]}}"#)
    let calls = Calls()
    let report = try sandbox.ingest(
      path: folder.write("p.ndjson", lines.joined(separator: "\n")),
      progress: { calls.record($0, $1) })
    #expect(report.committed && report.rejected == 1)
    let last = try #require(calls.last)
    #expect(last.0 == last.1, "last progress \(last)")
  }
}
