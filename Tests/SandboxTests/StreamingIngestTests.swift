import Foundation
import GRDB
import Identities
import Profiles
import Testing

@testable import Persistence
@testable import Sandbox

/// A streamed ingest stores exactly what linking every record at once gives.
///
/// An ingest stores identities chunk by chunk in the graph they are in at the time, then moves
/// those whose graph changed; over a state file, linking runs on a thread of its own.
@Suite struct StreamingIngestTests {
  static let schema = """
    {"name": "Web", "class": "profile", "identities": [
      {"path": "email", "namespace": "Email", "primary": true},
      {"path": "ecid", "namespace": "ECID"}, {"path": "ecid2", "namespace": "ECID"}]}
    """

  static func ecid(_ number: Int) -> String { String(format: "%038d", number) }

  /// One NDJSON record and its identities in field order.
  struct Line {
    var email: String
    var ecids: [Int]

    var json: String {
      var fields = [#""email": "\#(email)""#]
      for (index, number) in ecids.enumerated() {
        fields.append(
          #""\#(index == 0 ? "ecid" : "ecid2")": "\#(StreamingIngestTests.ecid(number))""#)
      }
      return "{" + fields.joined(separator: ", ") + "}"
    }

    var identities: [Identity] {
      [Identity(namespace: "Email", id: email)]
        + ecids.map { Identity(namespace: "ECID", id: StreamingIngestTests.ecid($0)) }
    }
  }

  /// Three chunks: 5,000 pairs of an email and an ECID, then 2,500 records that each join two
  /// of those graphs (so identities stored earlier move to another graph).
  static let first: [Line] =
    (0..<5_000).map { Line(email: "p\($0)@example.com", ecids: [$0]) }
    + (0..<2_500).map { Line(email: "q\($0)@example.com", ecids: [2 * $0, 2 * $0 + 1]) }

  /// A second batch: new ECIDs for stored graphs, and records joining two stored graphs.
  static let second: [Line] =
    stride(from: 0, to: 5_000, by: 7).map {
      Line(email: "p\($0)@example.com", ecids: [100_000 + $0])
    }
    + stride(from: 0, to: 5_000, by: 4).map {
      Line(email: "p\($0)@example.com", ecids: [$0 + 2])
    }

  /// A sandbox over a state file (linking on its own thread) or in memory (linking inline).
  func sandbox(onFile: Bool, folder: TemporaryFolder) throws -> Sandbox {
    let database =
      onFile
      ? try LabDatabase.open(at: folder.path("state/lab.sqlite")) : try LabDatabase.inMemory()
    #expect(database.allowsConcurrentReads == onFile)
    return Sandbox(database: database)
  }

  func write(_ lines: [Line], as name: String, in folder: TemporaryFolder) throws -> String {
    try folder.write("\(name)/schema.json", Self.schema)
    try folder.write("\(name)/records.ndjson", lines.map(\.json).joined(separator: "\n") + "\n")
    return folder.path(name)
  }

  /// Every identity's stored id and graph id after linking `batches` record by record, and
  /// the number of active links.
  func reference(_ batches: [[Line]]) -> (
    identities: [Identity: (storedID: Int64, graphID: Int64)], links: Int
  ) {
    var graph = IdentityGraph(registry: NamespaceRegistry())
    for (index, lines) in batches.enumerated() {
      for (offset, line) in lines.enumerated() {
        graph.link(
          line.identities,
          origin: LinkOrigin(
            dataset: "web", batch: "b\(index)", record: offset + 1,
            order: LinkOrigin.order(batch: index + 1, line: offset + 1)))
      }
    }
    let changes = graph.changes()
    var result: [Identity: (storedID: Int64, graphID: Int64)] = [:]
    for row in changes.identities {
      result[changes.identity(of: row)] = (row.storedID, row.graphID)
    }
    return (result, changes.links.count { $0.state == .active })
  }

  func expectStoredState(
    of sandbox: Sandbox,
    equals expected: (identities: [Identity: (storedID: Int64, graphID: Int64)], links: Int)
  ) throws {
    #expect(try sandbox.store.graphTotals().identities == expected.identities.count)
    #expect(try sandbox.store.graphTotals().links == expected.links)
    var mismatches = 0
    for (identity, want) in expected.identities {
      let stored = try sandbox.store.identity(identity)
      if stored?.storedID != want.storedID || stored?.graphID != want.graphID { mismatches += 1 }
    }
    #expect(mismatches == 0, "identities stored with another id or graph")
  }

  @Test(arguments: [false, true])
  func aStreamedIngestStoresWhatLinkingAllRecordsAtOnceGives(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    let report = try sandbox.ingest(path: write(Self.first, as: "first", in: folder))
    #expect(report.accepted == Self.first.count)
    try expectStoredState(of: sandbox, equals: reference([Self.first]))
    // 2,500 merged graphs of 5 identities.
    #expect(try sandbox.store.graphTotals().graphs == 2_500)
    #expect(report.affectedGraphIDs.count == 2_500)
    let merged = try sandbox.profile(namespace: "ECID", id: Self.ecid(7))
    #expect(
      Set(merged.profile.identities.map(\.id)) == [
        "p6@example.com", "p7@example.com", "q3@example.com", Self.ecid(6), Self.ecid(7),
      ])
  }

  @Test(arguments: [false, true])
  func aSecondIngestRestoresAndJoinsStoredGraphs(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    try sandbox.ingest(path: write(Self.first, as: "first", in: folder))
    let report = try sandbox.ingest(path: write(Self.second, as: "second", in: folder))
    #expect(report.accepted == Self.second.count)
    try expectStoredState(of: sandbox, equals: reference([Self.first, Self.second]))
    // Graphs p0..p3 and p4..p7 are joined: 1,250 graphs of 10 identities, plus new ECIDs.
    #expect(try sandbox.store.graphTotals().graphs == 1_250)
    let joined = try sandbox.store.graph(
      of: Identity(namespace: "Email", id: "p0@example.com"), registry: NamespaceRegistry(),
      rules: nil, guardrails: .init())
    #expect(
      joined?.cluster(containing: Identity(namespace: "Email", id: "p0@example.com")).count == 11)
  }

  /// A record whose one identity is stored is stored against it without its graph being
  /// restored, and touches the graph that identity ends in, also when a later record of the
  /// same ingest (in the same chunk or a later one) joins that graph to another.
  @Test(arguments: [false, true])
  func aRecordOfOneStoredIdentityTouchesTheGraphItEndsIn(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    try sandbox.ingest(path: write(Self.first, as: "first", in: folder))
    let alone = stride(from: 0, to: 5_000, by: 2).map {
      Line(email: "p\($0)@example.com", ecids: [])
    }
    let joins = stride(from: 0, to: 5_000, by: 4).map {
      Line(email: "p\($0)@example.com", ecids: [($0 + 7) % 5_000])
    }
    // 2,500 + 1,250 + 2,500 lines: two chunks.
    let third = alone + joins + alone
    let report = try sandbox.ingest(path: write(third, as: "third", in: folder))
    #expect(report.accepted == third.count)
    try expectStoredState(of: sandbox, equals: reference([Self.first, third]))
    var graphs = Set<Int64>()
    for line in third {
      let stored = try #require(
        try sandbox.store.identity(Identity(namespace: "Email", id: line.email)))
      graphs.insert(stored.graphID)
    }
    #expect(Set(report.affectedGraphIDs) == graphs)
    #expect(try sandbox.datasets().map(\.recordCount) == [Self.first.count + third.count])
    // p8's graph: p8, p9 and q4's records, p14, p15 and q7's (joined through ECID 15), and the
    // third batch's p8 twice alone, p8 joining, p14 twice alone.
    let profile = try sandbox.profile(namespace: "Email", id: "p8@example.com")
    #expect(profile.profile.fragmentCount == 11)
  }

  @Test(arguments: [false, true])
  func aRefusalInALaterChunkUnderStrictStoresNothing(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    try folder.write("bad/schema.json", Self.schema)
    try folder.write(
      "bad/records.ndjson",
      Self.first.map(\.json).joined(separator: "\n") + "\n{\"email\": \"\"}\n")
    let report = try sandbox.ingest(path: folder.path("bad"), strict: true)
    #expect(!report.committed)
    #expect(report.rejected == 1)
    #expect(report.batches.first?.rejections.first?.line == Self.first.count + 1)
    #expect(try sandbox.store.graphTotals().identities == 0)
    #expect(try sandbox.datasets().isEmpty)
  }
}

extension StreamingIngestTests {
  @Test(.timeLimit(.minutes(1)), arguments: [false, true])
  func aFailureWhileStoringStopsTheIngestAndKeepsThePreviousState(onFile: Bool) throws {
    let folder = try TemporaryFolder()
    let sandbox = try sandbox(onFile: onFile, folder: folder)
    let small = Array(Self.first.prefix(10))
    try sandbox.ingest(path: write(small, as: "small", in: folder))
    try sandbox.store.database.write("add a failing trigger") { db in
      try db.execute(
        sql: """
          CREATE TRIGGER fail_mid_ingest BEFORE INSERT ON sandbox_record
          WHEN NEW.line = 5 BEGIN SELECT RAISE(ABORT, 'disk full'); END
          """)
    }
    // Many chunks, so reading is still going on when the first one fails.
    let many = (0..<100_000).map { Line(email: "m\($0)@example.com", ecids: [$0]) }
    #expect(throws: SandboxError.self) {
      try sandbox.ingest(path: write(many, as: "many", in: folder))
    }
    #expect(try sandbox.store.graphTotals().identities == 20)
    #expect(try sandbox.datasets().map(\.recordCount) == [10])
  }
}

extension StreamingIngestTests {
  @Test(.timeLimit(.minutes(1)))
  func aCancelledReadingHandsOutNoMoreChunks() throws {
    let folder = try TemporaryFolder()
    let lines = (0..<200_000).map { Line(email: "c\($0)@example.com", ecids: [$0]) }
    let path = try folder.write("c.ndjson", lines.map(\.json).joined(separator: "\n"))
    let schema = try DatasetSchema.parse(Self.schema, path: "schema.json")
    let reader = RecordReader(
      schema: schema, registry: NamespaceRegistry(), rules: nil, guardrails: .init())
    let pipeline = ParsePipeline(sources: [try Sandbox.open(path, reader: reader)])
    pipeline.start()
    pipeline.cancel()
    var chunks = 0
    while pipeline.next() != nil { chunks += 1 }
    #expect(chunks < 200_000 / ParsePipeline.chunkLines, "reading stopped early")
  }
}
