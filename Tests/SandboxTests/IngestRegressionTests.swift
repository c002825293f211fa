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

extension IngestRegressionTests {
  /// Restoring a graph does not follow removed links from graph to graph.
  ///
  /// In a chain of graphs, graph i is {CRMID p(i), ECID d(i-1)} and its row keeps the link
  /// p(i)→d(i) removed by the rules, whose other end is in graph i+1.
  @Test func restoringAGraphDoesNotFollowRemovedLinksWithoutEnd() throws {
    let folder = try TemporaryFolder()
    let sandbox = Sandbox(
      database: try LabDatabase.open(at: folder.path("state/lab.sqlite")),
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
    try sandbox.setIdentityRules(unique: ["CRMID"], priority: ["CRMID", "ECID"])
    let n = 200
    var lines: [String] = []
    for i in 1...n {
      let d = IngestRegressionTests.ecid(i)
      lines.append(
        #"{"identityMap": {"CRMID": [{"id": "p\#(i)", "primary": true}], "ECID": [{"id": "\#(d)"}]}}"#
      )
      lines.append(
        #"{"identityMap": {"CRMID": [{"id": "p\#(i + 1)", "primary": true}], "ECID": [{"id": "\#(d)"}]}}"#
      )
    }
    #expect(
      try sandbox.ingest(path: folder.write("chain.ndjson", lines.joined(separator: "\n")))
        .committed)
    let p1 = Identity(namespace: "CRMID", id: "p1")
    // p1 is alone in its graph (its only link was removed by the rules).
    #expect(try sandbox.graph(namespace: "CRMID", id: "p1").identities.count == 1)
    let graph = try sandbox.store.graph(
      around: [p1], registry: try sandbox.registry(), rules: try sandbox.identityRules(),
      guardrails: sandbox.guardrails)
    // Its own identity plus the other end of its removed link would do.
    #expect(
      graph.identityCount <= 4,
      "restoring p1's one-identity graph read \(graph.identityCount) identities")
  }
}

extension IngestRegressionTests {
  struct StoredLink: Hashable {
    var id: Int64
    var from: Int64
    var to: Int64
    var state: Int64
  }

  /// Every link row: (row graph, link); plus each identity's graph.
  static func snapshot(_ sandbox: Sandbox) throws -> (
    links: [Int64: (Int64, StoredLink)], graphs: [Int64: Int64]
  ) {
    try sandbox.store.database.read("test") { db in
      var links: [Int64: (Int64, StoredLink)] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT graph_id, links FROM sandbox_graph_links") {
        let list = GraphLinkList.decode([UInt8]((row["links"] as Data)))
        #expect(list != nil, "a link row that does not decode")
        for l in list ?? [] {
          #expect(links[l.storedID] == nil, "link \(l.storedID) in two rows")
          links[l.storedID] = (
            row["graph_id"], StoredLink(id: l.storedID, from: l.from, to: l.to, state: l.state)
          )
        }
      }
      var graphs: [Int64: Int64] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT id, graph_id FROM sandbox_identity") {
        graphs[row["id"]] = row["graph_id"]
      }
      return (links, graphs)
    }
  }

  /// No stored link is ever lost over random ingests, and each is in its first identity's row.
  ///
  /// The ingests run with the rules and a small graph limit, several chunks each.
  @Test(arguments: [false, true])
  func noLinkIsLostOverRandomIngests(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = Sandbox(
      database: onFile
        ? try LabDatabase.open(at: folder.path("state/lab.sqlite")) : try LabDatabase.inMemory(),
      guardrails: IdentityGuardrails(maxIdentitiesPerGraph: 5),
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
    try sandbox.setIdentityRules(unique: ["CRMID"], priority: ["CRMID", "Email", "ECID"])
    var seed: UInt64 = 12345
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    var filler = 0
    var previous: [Int64: (Int64, StoredLink)] = [:]
    for round in 0..<12 {
      var lines: [String] = []
      for _ in 0..<9000 {
        if next(40) == 0 {
          var map: [String: [String]] = [:]
          for _ in 0..<(2 + next(2)) {
            switch next(3) {
            case 0: map["CRMID", default: []].append("p\(next(25))")
            case 1: map["Email", default: []].append("e\(next(25))@x.com")
            default: map["ECID", default: []].append(IngestRegressionTests.ecid(next(25)))
            }
          }
          let body: String = map.keys.sorted().map { (key: String) -> String in
            let ids = (map[key] ?? []).reduce(into: [String]()) {
              if !$0.contains($1) { $0.append($1) }
            }
            return "\"\(key)\": [" + ids.map { #"{"id": "\#($0)"}"# }.joined(separator: ",") + "]"
          }.joined(separator: ",")
          lines.append(#"{"identityMap": {\#(body)}}"#)
        } else {
          filler += 1
          lines.append(#"{"identityMap": {"Email": [{"id": "f\#(filler)@x.com"}]}}"#)
        }
      }
      let report = try sandbox.ingest(
        path: folder.write("r\(round).ndjson", lines.joined(separator: "\n")), datasetName: "d")
      #expect(report.committed)
      let now = try Self.snapshot(sandbox)
      for (id, (_, link)) in previous {
        #expect(now.links[id] != nil, "round \(round): link \(link) lost")
      }
      for (_, (row, link)) in now.links {
        #expect(
          now.graphs[link.from] == row,
          "round \(round): link \(link) in row \(row), its first identity in \(String(describing: now.graphs[link.from]))"
        )
      }
      previous = now.links
    }
  }
}
