import Foundation
import GRDB
import Identities
import Testing

@testable import Persistence

/// The second storage of the identity graph: one row of links per graph, identities found by a
/// 64-bit key, and the migration from the first storage.
@Suite struct GraphStorageTests {
  func link(_ id: Int64, state: Int64 = 0) -> GraphLinkList.Link {
    GraphLinkList.Link(
      storedID: id, from: id * 3, to: .max, batch: 1 << 20, recordLine: 0,
      firstOrder: (5 << 32) | 17, lastOrder: (6 << 32) | 1, state: state)
  }

  @Test func aLinkListReadsBackWhatWasWritten() {
    let links = [link(1), link(300, state: 2), link(1 << 40, state: 1)]
    var bytes: [UInt8] = []
    GraphLinkList.encode(links, into: &bytes)
    #expect(bytes.first == GraphLinkList.version)
    #expect(GraphLinkList.decode(bytes) == links)
    #expect(GraphLinkList.decode([GraphLinkList.version]) == [])
  }

  @Test func aDamagedOrUnknownLinkListIsRefused() {
    var bytes: [UInt8] = []
    GraphLinkList.encode([link(1)], into: &bytes)
    #expect(GraphLinkList.decode(Array(bytes.dropLast())) == nil, "cut short")
    #expect(GraphLinkList.decode([2] + bytes.dropFirst()) == nil, "unknown version")
    #expect(GraphLinkList.decode([]) == nil)
    #expect(
      GraphLinkList.decode([GraphLinkList.version] + Array(repeating: 0xFF, count: 12)) == nil,
      "a number over 64 bits")
  }

  @Test func aNumberOverSixtyFourBitsInTheTenthByteIsRefused() {
    let overlong: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x7F]
    #expect(
      GraphLinkList.decode([GraphLinkList.version] + overlong + Array(repeating: 0, count: 7))
        == nil)
    // The largest number still reads back.
    var bytes: [UInt8] = []
    GraphLinkList.encode([link(-1)], into: &bytes)
    #expect(GraphLinkList.decode(bytes)?.first?.storedID == -1)
  }

  @Test func identityKeysAreStableAndKeepNamespaceAndValueApart() {
    // FNV-1a 64 of "Email", 0xFF, "a@example.com": stored keys must never change.
    #expect(IdentityKey.of(namespace: "Email", value: "a@example.com") == 231_855_594_721_749_282)
    #expect(
      IdentityKey.of(namespace: "ab", value: "c") != IdentityKey.of(namespace: "a", value: "bc"))
    let bytes = Array("a@example.com".utf8)
    bytes.withUnsafeBufferPointer {
      #expect(
        IdentityKey.of(namespace: "Email", value: $0)
          == IdentityKey.of(namespace: "Email", value: "a@example.com"))
    }
  }

  @Test func aFirstVersionStateFileMovesEachGraphsLinksIntoOneRow() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lab.sqlite").path
    do {
      let queue = try DatabaseQueue(path: path)
      try LabDatabase.makeMigrator().migrate(queue, upTo: "v1-segments")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO sandbox_dataset (id, name, class, schema, created_at)
              VALUES ('web', 'Web', 'profile', '{}', '2024-05-01T00:00:00Z');
            INSERT INTO sandbox_batch (id, number, dataset_id, ingested_at, source, accepted, rejected)
              VALUES ('b1', 1, 'web', '2024-05-01T00:00:00Z', 'web.ndjson', 2, 0);
            INSERT INTO sandbox_identity (id, namespace, value, graph_id, first_seen) VALUES
              (1, 'Email', 'a@example.com', 1, 4294967297),
              (2, 'ECID', 'x', 1, 4294967297),
              (3, 'Email', 'b@example.com', 3, 4294967298);
            INSERT INTO sandbox_link
              (id, from_id, to_id, batch, record_line, first_order, last_order, state, graph_id)
              VALUES (1, 1, 2, 1, 1, 4294967297, 4294967297, 0, 1);
            """)
      }
    }
    let store = SandboxStore(database: try LabDatabase.open(at: path))
    let email = Identity(namespace: "Email", id: "a@example.com")
    #expect(try store.identity(email)?.graphID == 1)
    #expect(try store.identity(Identity(namespace: "Email", id: "b@example.com"))?.storedID == 3)
    let totals = try store.graphTotals()
    #expect(totals.identities == 3 && totals.graphs == 1 && totals.links == 1)
    let graph = try #require(
      try store.graph(
        of: email, registry: NamespaceRegistry(), rules: nil, guardrails: .init()))
    #expect(Set(graph.cluster(containing: email)) == [email, Identity(namespace: "ECID", id: "x")])
    let origin = graph.links(inClusterOf: email).first?.origin
    #expect(origin?.batch == "b1" && origin?.dataset == "web" && origin?.record == 1)
    let around = try store.graph(
      around: [email], registry: NamespaceRegistry(), rules: nil, guardrails: .init())
    #expect(around.nextIdentityID == 4 && around.nextLinkID == 2)
  }
}
