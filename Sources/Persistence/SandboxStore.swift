import Foundation
import GRDB
import Identities
import Profiles

/// The sandbox's part of the state file: datasets, batches, records, the identity graph,
/// namespaces, linking rules and merge policies.
///
/// Every method is one transaction. ``commit(_:)`` writes a whole batch or nothing, so a crash
/// or a kill during an ingest leaves the previous state intact.
///
/// For example:
///
/// ```swift
/// let store = SandboxStore(database: try LabDatabase.inMemory())
/// try store.commit(ingest)
/// let members = try store.graphMembers(of: Identity(namespace: "Email", id: "ana@example.com"))
/// ```
public struct SandboxStore: Sendable {
  /// The state file.
  public let database: LabDatabase

  /// Creates a store over `database`.
  public init(database: LabDatabase) {
    self.database = database
  }

  // MARK: - Settings

  /// The custom namespaces, in creation order.
  public func customNamespaces() throws(PersistenceError) -> [IdentityNamespace] {
    try read { try $0.customNamespaces() }
  }

  /// Saves a new custom namespace.
  public func save(namespace: IdentityNamespace) throws(PersistenceError) {
    try database.write("save the namespace '\(namespace.code)'") { db in
      try db.execute(
        sql:
          "INSERT INTO sandbox_namespace (code, id, name, type, description) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          namespace.code, namespace.id, namespace.name, namespace.type.rawValue,
          namespace.description,
        ])
    }
  }

  /// The identity graph linking rules, or `nil` when none are set.
  public func identityRules() throws(PersistenceError) -> IdentityLinkingRules? {
    try read { try $0.identityRules() }
  }

  /// Replaces the identity graph linking rules (`nil` clears them).
  public func save(identityRules rules: IdentityLinkingRules?) throws(PersistenceError) {
    let text = rules.flatMap { try? JSONEncoder().encode($0) }.map {
      String(decoding: $0, as: UTF8.self)
    }
    try database.write("save the identity rules") { db in
      try db.execute(sql: "DELETE FROM sandbox_identity_rules")
      if let text {
        try db.execute(
          sql: "INSERT INTO sandbox_identity_rules (id, rules) VALUES (1, ?)", arguments: [text])
      }
    }
  }

  /// The merge policies (the built-in default when none were saved).
  public func mergePolicies() throws(PersistenceError) -> MergePolicySet {
    try read { try $0.mergePolicies() }
  }

  /// Replaces the merge policies.
  public func save(mergePolicies set: MergePolicySet) throws(PersistenceError) {
    let encoder = JSONEncoder()
    let rows = set.policies.map { policy in
      (policy.id, (try? encoder.encode(policy)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
    }
    try database.write("save the merge policies") { db in
      try db.execute(sql: "DELETE FROM sandbox_merge_policy")
      for (position, row) in rows.enumerated() {
        try db.execute(
          sql: "INSERT INTO sandbox_merge_policy (id, position, policy) VALUES (?, ?, ?)",
          arguments: [row.0, position, row.1])
      }
    }
  }

  // MARK: - Datasets and batches

  /// Every dataset with its record and batch counts, by name.
  public func datasets() throws(PersistenceError) -> [StoredDataset] {
    try database.read("list the datasets") { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT d.*,
            (SELECT COALESCE(SUM(accepted), 0) FROM sandbox_batch b WHERE b.dataset_id = d.id) AS records,
            (SELECT COUNT(*) FROM sandbox_batch b WHERE b.dataset_id = d.id) AS batches
          FROM sandbox_dataset d ORDER BY d.name
          """
      ).map { row in
        StoredDataset(
          id: row["id"], name: row["name"], recordClass: row["class"], schema: row["schema"],
          createdAt: row["created_at"], recordCount: row["records"], batchCount: row["batches"])
      }
    }
  }

  /// Every batch, in ingestion order.
  public func batches() throws(PersistenceError) -> [StoredBatch] {
    try read { try $0.batches() }
  }

  /// The number the next batch gets.
  public func nextBatchNumber() throws(PersistenceError) -> Int {
    try database.read("number the batch") { db in
      (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM sandbox_batch") ?? 0) + 1
    }
  }

  // MARK: - The identity graph

  /// A graph holding every stored identity among `identities`, plus the whole stored graphs
  /// they belong to (members and links), ready for a batch's links.
  ///
  /// New identities and links continue the stored ids.
  public func graph(
    around identities: some Sequence<Identity>, registry: NamespaceRegistry,
    rules: IdentityLinkingRules?,
    guardrails: IdentityGuardrails
  ) throws(PersistenceError) -> IdentityGraph {
    try database.read("load the identity graph") { db in
      let maxIdentity = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sandbox_identity") ?? 0
      let maxLink = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sandbox_link") ?? 0
      var graph = IdentityGraph(
        registry: registry, rules: rules, guardrails: guardrails, firstIdentityID: maxIdentity + 1,
        firstLinkID: maxLink + 1)
      guard maxIdentity > 0 else { return graph }
      var graphIDs = Set<Int64>()
      let statement = try db.cachedStatement(
        sql: "SELECT graph_id FROM sandbox_identity WHERE namespace = ? AND value = ?")
      for identity in Set(identities) {
        if let id = try Int64.fetchOne(statement, arguments: [identity.namespace, identity.id]) {
          graphIDs.insert(id)
        }
      }
      try Self.restore(graphIDs: Array(graphIDs), into: &graph, db: db)
      return graph
    }
  }

  static func restore(graphIDs: [Int64], into graph: inout IdentityGraph, db: Database) throws {
    var byStoredID: [Int64: Identity] = [:]
    for chunk in stride(from: 0, to: graphIDs.count, by: 500) {
      let ids = Array(graphIDs[chunk..<min(chunk + 500, graphIDs.count)])
      let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
      for row in try Row.fetchAll(
        db, sql: "SELECT * FROM sandbox_identity WHERE graph_id IN (\(marks)) ORDER BY id",
        arguments: StatementArguments(ids))
      {
        let identity = Identity(namespace: row["namespace"], id: row["value"])
        let stored: Int64 = row["id"]
        byStoredID[stored] = identity
        graph.restoreIdentity(
          identity, storedID: stored, firstSeen: row["first_seen"], graphID: row["graph_id"])
      }
    }
    for chunk in stride(from: 0, to: graphIDs.count, by: 500) {
      let ids = Array(graphIDs[chunk..<min(chunk + 500, graphIDs.count)])
      let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT l.*, \(SandboxSchema.linkOriginOrder) AS origin_order, b.id AS batch_id,
            b.dataset_id AS dataset_id
          FROM sandbox_link l
          JOIN sandbox_batch b ON b.number = l.batch
          WHERE l.graph_id IN (\(marks)) ORDER BY l.id
          """,
        arguments: StatementArguments(ids))
      {
        guard let from = byStoredID[row["from_id"]], let to = byStoredID[row["to_id"]] else {
          continue
        }
        graph.restoreLink(
          from: from, to: to, storedID: row["id"],
          origin: LinkOrigin(
            dataset: row["dataset_id"], batch: row["batch_id"], record: row["record_line"],
            order: row["origin_order"]),
          firstEstablished: row["first_order"], lastEstablished: row["last_order"],
          state: LinkState(rawValue: row["state"]) ?? .active, graphID: row["graph_id"])
      }
    }
  }

  /// The stored graph of `identity` alone (its members and links), or `nil` when unknown.
  public func graph(
    of identity: Identity, registry: NamespaceRegistry, rules: IdentityLinkingRules?,
    guardrails: IdentityGuardrails
  ) throws(PersistenceError) -> IdentityGraph? {
    try database.read("load the identity graph") { db in
      guard
        let graphID = try Int64.fetchOne(
          db, sql: "SELECT graph_id FROM sandbox_identity WHERE namespace = ? AND value = ?",
          arguments: [identity.namespace, identity.id])
      else { return nil }
      var graph = IdentityGraph(registry: registry, rules: rules, guardrails: guardrails)
      try Self.restore(graphIDs: [graphID], into: &graph, db: db)
      return graph
    }
  }

  /// The stored row of `identity`, or `nil`.
  public func identity(_ identity: Identity) throws(PersistenceError) -> StoredIdentity? {
    try read { try $0.identity(identity) }
  }

  /// The identities of graph `graphID`, oldest first.
  public func graphMembers(graphID: Int64) throws(PersistenceError) -> [StoredIdentity] {
    try read { try $0.graphMembers(graphID: graphID) }
  }

  /// The records stored against the identities `identityIDs`, of `kind`, oldest first.
  public func records(identityIDs: [Int64], kind: StoredRecord.Kind) throws(PersistenceError)
    -> [StoredRecord]
  {
    try read { try $0.records(identityIDs: identityIDs, kind: kind) }
  }

  /// The graph ids of the identities with stored ids `identityIDs`.
  public func graphIDs(ofIdentities identityIDs: [Int64]) throws(PersistenceError) -> Set<Int64> {
    try database.read("read the identity graph") { db in
      var result = Set<Int64>()
      for chunk in stride(from: 0, to: identityIDs.count, by: 500) {
        let ids = Array(identityIDs[chunk..<min(chunk + 500, identityIDs.count)])
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        result.formUnion(
          try Int64.fetchAll(
            db, sql: "SELECT graph_id FROM sandbox_identity WHERE id IN (\(marks))",
            arguments: StatementArguments(ids)))
      }
      return result
    }
  }

  /// Totals for `aep-lab datasets` and benchmarks: identities, graphs with two or more
  /// identities, and active links.
  public func graphTotals() throws(PersistenceError) -> (identities: Int, graphs: Int, links: Int) {
    try database.read("count the identity graph") { db in
      let identities = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sandbox_identity") ?? 0
      let graphs =
        try Int.fetchOne(
          db,
          sql:
            "SELECT COUNT(*) FROM (SELECT graph_id FROM sandbox_identity GROUP BY graph_id HAVING COUNT(*) > 1)"
        ) ?? 0
      let links =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sandbox_link WHERE state = 0") ?? 0
      return (identities, graphs, links)
    }
  }

  // MARK: - Ingest

  /// Runs one ingest in one transaction: `body` writes through the session and returns
  /// whether to commit (`false` rolls everything back, as does a thrown error).
  ///
  /// `expectedRecords` is about how many records the ingest holds: a big ingest into a smaller
  /// sandbox drops the indexes and builds them once at the end. Returns whether it committed.
  @discardableResult
  public func ingest(
    expectedRecords: Int, _ body: (inout IngestSession) throws(PersistenceError) -> Bool
  ) throws(PersistenceError) -> Bool {
    try ingest(expectedRecords: expectedRecords, failingAfterRecords: nil, body)
  }

  /// ``ingest(expectedRecords:_:)`` with a failure injected after `failingAfterRecords`
  /// records, for tests that prove a failed ingest leaves nothing behind.
  func ingest(
    expectedRecords: Int, failingAfterRecords: Int?,
    _ body: (inout IngestSession) throws(PersistenceError) -> Bool
  ) throws(PersistenceError) -> Bool {
    do {
      return try database.writer.writeWithoutTransaction { db in
        var committed = false
        try db.inTransaction {
          var session = try IngestSession(
            db: db, expectedRecords: expectedRecords, failingAfterRecords: failingAfterRecords)
          committed = try body(&session)
          return committed ? .commit : .rollback
        }
        return committed
      }
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "save the ingest", reason: LabDatabase.describe(error))
    }
  }

  /// Saves one ingest in one transaction: its datasets (when new), batches, records and the
  /// identity graph's changes.
  public func commit(_ batch: IngestCommit) throws(PersistenceError) {
    try commit(batch, failingAfterRecords: nil)
  }

  /// ``commit(_:)`` with a failure injected after `failingAfterRecords` records.
  func commit(_ batch: IngestCommit, failingAfterRecords: Int?) throws(PersistenceError) {
    let numbers = Dictionary(
      batch.batches.map { ($0.id, $0.number) }, uniquingKeysWith: { first, _ in first })
    _ = try ingest(
      expectedRecords: batch.records.count, failingAfterRecords: failingAfterRecords
    ) {
      (session: inout IngestSession) throws(PersistenceError) -> Bool in
      for record in batch.records {
        guard let number = numbers[record.batchID] else {
          throw .failed(
            operation: "save the batch",
            reason: "the batch '\(record.batchID)' is not in the commit")
        }
        try session.insert(
          records: [
            IngestRecord(
              line: record.line, kind: record.kind, identityID: record.identityID,
              eventID: record.eventID, eventTime: record.eventTime, json: record.json)
          ], batch: number)
      }
      try session.finish(datasets: batch.datasets, batches: batch.batches, graph: batch.graph)
      return true
    }
  }

  /// Inserts datasets (when new) and batches.
  static func write(datasets: [StoredDataset], batches: [StoredBatch], db: Database) throws {
    for dataset in datasets {
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO sandbox_dataset (id, name, class, schema, created_at)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          dataset.id, dataset.name, dataset.recordClass, dataset.schema, dataset.createdAt,
        ])
    }
    for info in batches {
      try db.execute(
        sql: """
          INSERT INTO sandbox_batch (id, number, dataset_id, ingested_at, source, accepted, rejected)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          info.id, info.number, info.datasetID, info.ingestedAt, info.source, info.accepted,
          info.rejected,
        ])
    }
  }

  /// Saves the identity graph's changes; the batches their links come from must be stored.
  static func write(_ graph: GraphChanges, batches: [StoredBatch], db: Database) throws {
    var batchNumbers = Dictionary(
      batches.map { ($0.id, Int64($0.number)) }, uniquingKeysWith: { first, _ in first })
    func number(ofBatch id: String) throws -> Int64 {
      if let number = batchNumbers[id] { return number }
      guard
        let number = try Int64.fetchOne(
          db, sql: "SELECT number FROM sandbox_batch WHERE id = ?", arguments: [id])
      else {
        throw PersistenceError.failed(
          operation: "save the batch", reason: "the batch '\(id)' is not stored")
      }
      batchNumbers[id] = number
      return number
    }
    var insertIdentity = try BulkInsert(
      db,
      sql:
        "INSERT INTO sandbox_identity (id, namespace, value, graph_id, first_seen) VALUES (?, ?, ?, ?, ?)"
    )
    var moveIdentity = try BulkInsert(
      db, sql: "UPDATE sandbox_identity SET graph_id = ? WHERE id = ?")
    for row in graph.identities {
      if row.isNew {
        insertIdentity.bind(row.storedID)
        insertIdentity.bind(row.identity.namespace)
        insertIdentity.bind(row.identity.id)
        insertIdentity.bind(row.graphID)
        insertIdentity.bind(row.firstSeen)
        try insertIdentity.step(db)
      } else {
        moveIdentity.bind(row.graphID)
        moveIdentity.bind(row.storedID)
        try moveIdentity.step(db)
      }
    }
    var upsertLink = try BulkInsert(
      db,
      sql: """
        INSERT OR REPLACE INTO sandbox_link
          (id, from_id, to_id, batch, record_line, first_order, last_order, state, graph_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var lastBatch: (id: String, number: Int64)?
    for link in graph.links {
      upsertLink.bind(link.storedID)
      upsertLink.bind(link.from)
      upsertLink.bind(link.to)
      if lastBatch?.id != link.origin.batch {
        lastBatch = (link.origin.batch, try number(ofBatch: link.origin.batch))
      }
      upsertLink.bind(lastBatch?.number ?? 0)
      upsertLink.bind(link.origin.record)
      upsertLink.bind(link.firstEstablished)
      upsertLink.bind(link.lastEstablished)
      upsertLink.bind(link.state.rawValue)
      upsertLink.bind(link.graphID)
      try upsertLink.step(db)
    }
  }

  /// The sandbox's indexes, as the schema creates them.
  static let indexes: [(name: String, sql: String)] = [
    (
      "sandbox_record_by_identity",
      "CREATE INDEX IF NOT EXISTS sandbox_record_by_identity ON sandbox_record(identity_id, kind)"
    ),
    (
      "sandbox_identity_by_value",
      "CREATE UNIQUE INDEX IF NOT EXISTS sandbox_identity_by_value ON sandbox_identity(namespace, value)"
    ),
    (
      "sandbox_identity_by_graph",
      "CREATE INDEX IF NOT EXISTS sandbox_identity_by_graph ON sandbox_identity(graph_id)"
    ),
    (
      "sandbox_link_by_graph",
      "CREATE INDEX IF NOT EXISTS sandbox_link_by_graph ON sandbox_link(graph_id)"
    ),
  ]
}
