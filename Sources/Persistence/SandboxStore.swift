import Dispatch
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

  /// Stores the new name and description of the namespace with `namespace.code`.
  public func update(namespace: IdentityNamespace) throws(PersistenceError) {
    try database.write("update the namespace '\(namespace.code)'") { db in
      try db.execute(
        sql: "UPDATE sandbox_namespace SET name = ?, description = ? WHERE code = ?",
        arguments: [namespace.name, namespace.description, namespace.code])
    }
  }

  /// Deletes the profile records stored against `identityIDs` (events stay); returns how many
  /// were deleted.
  @discardableResult
  public func deleteProfileRecords(identityIDs: [Int64]) throws(PersistenceError) -> Int {
    try database.write("delete profile records") { db in
      try Self.markProfileColumnsDirty(identityIDs: identityIDs, db: db)
      var deleted = 0
      try IDChunks.forEach(identityIDs) { ids, marks in
        // Once per identity index (see ``SandboxSchema/registerRecentRecords(in:)``).
        for recent in [0, 1] {
          try db.execute(
            sql: """
              DELETE FROM sandbox_record
              WHERE identity_id IN (\(marks)) AND kind = ? AND recent = \(recent)
              """,
            arguments: StatementArguments(
              ids.map { $0 as any DatabaseValueConvertible } + [StoredRecord.Kind.profile.rawValue]
            ))
          deleted += db.changesCount
        }
      }
      return deleted
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
      let next = try Self.nextIDs(db)
      var graph = IdentityGraph(
        registry: registry, rules: rules, guardrails: guardrails, firstIdentityID: next.identity,
        firstLinkID: next.link)
      guard next.identity > 1 else { return graph }
      try Self.restoreGraphs(around: identities, into: &graph, db: db)
      return graph
    }
  }

  /// Adds to `graph` every committed graph holding one of `identities` that `graph` lacks,
  /// with its members and links, reading in a snapshot of its own.
  ///
  /// An ingest's linking thread calls this while the ingest's transaction is open on another:
  /// the snapshot holds what was stored before the ingest, which is what restoring needs.
  /// Only a state file allows it (``LabDatabase/allowsConcurrentReads``).
  public func restoreGraphs(
    around identities: some Sequence<Identity>, into graph: inout IdentityGraph
  )
    throws(PersistenceError)
  {
    try database.read("load the identity graph") { db in
      try Self.restoreGraphs(around: identities, into: &graph, db: db)
    }
  }

  /// The stored rows of those of `identities` that are stored (on read snapshots, outside an
  /// ingest's transaction), by identity.
  ///
  /// Thousands of identities are looked up in parts on every core, each part on a read
  /// connection of its own: a lookup is a few random page reads, which one core waits through
  /// alone. The parts see one state when no write commits in between, as during an ingest,
  /// which holds the write lock.
  public func storedIdentities(_ identities: [Identity]) throws(PersistenceError)
    -> [Identity: StoredIdentity]
  {
    let workers =
      identities.count < 2_000 ? 1 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    guard workers > 1, database.allowsConcurrentReads else {
      return try database.read("load the identity graph") { db in
        try Self.storedIdentities(identities, db: db)
      }
    }
    let count = identities.count
    let parts = [Result<[Identity: StoredIdentity], PersistenceError>](
      unsafeUninitializedCapacity: workers
    ) { buffer, initialized in
      buffer.initialize(repeating: .success([:]))
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let part = Array(identities[(count * worker / workers)..<(count * (worker + 1) / workers)])
        do throws(PersistenceError) {
          output[worker] = .success(
            try database.read("load the identity graph") { db in
              try Self.storedIdentities(part, db: db)
            })
        } catch {
          output[worker] = .failure(error)
        }
      }
      initialized = workers
    }
    var result: [Identity: StoredIdentity] = [:]
    result.reserveCapacity(count)
    for part in parts { result.merge(try part.get()) { first, _ in first } }
    return result
  }

  /// The stored rows of those of `identities` that are stored, by identity: found by their
  /// lookup keys, 500 to a statement, in key order.
  static func storedIdentities(_ identities: [Identity], db: Database) throws -> [Identity:
    StoredIdentity]
  {
    let wanted = Set(identities)
    let keys = Set(wanted.map(IdentityKey.of)).sorted()
    var result: [Identity: StoredIdentity] = [:]
    try IDChunks.forEach(keys) { group, marks in
      let rows = try Row.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT id, graph_id, first_seen, namespace, value FROM sandbox_identity
            WHERE lookup_key IN (\(marks))
            """),
        arguments: StatementArguments(group))
      while let row = try rows.next() {
        let identity = Identity(namespace: row[3], id: row[4])
        guard wanted.contains(identity) else { continue }
        result[identity] = StoredIdentity(
          storedID: row[0], identity: identity, graphID: row[1], firstSeen: row[2])
      }
    }
    return result
  }

  /// The stored ids the next new identity and link get.
  static func nextIDs(_ db: Database) throws -> (identity: Int64, link: Int64) {
    let identity = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sandbox_identity") ?? 0
    let link = try Int64.fetchOne(db, sql: "SELECT MAX(max_link_id) FROM sandbox_graph_links") ?? 0
    return (identity + 1, link + 1)
  }

  /// The stored graph id of `identity`, if stored.
  static func graphID(of identity: Identity, db: Database) throws -> Int64? {
    let statement = try db.cachedStatement(
      sql: """
        SELECT graph_id FROM sandbox_identity
        WHERE lookup_key = ? AND namespace = ? AND value = ?
        """)
    return try Int64.fetchOne(
      statement, arguments: [IdentityKey.of(identity), identity.namespace, identity.id])
  }

  /// Adds to `graph` every stored graph holding one of `identities` that `graph` lacks.
  static func restoreGraphs(
    around identities: some Sequence<Identity>, into graph: inout IdentityGraph, db: Database
  ) throws {
    var graphIDs = Set<Int64>()
    for identity in identities where !graph.contains(identity) {
      if let id = try graphID(of: identity, db: db) { graphIDs.insert(id) }
    }
    guard !graphIDs.isEmpty else { return }
    try restore(graphIDs: graphIDs.sorted(), into: &graph, db: db)
  }

  /// Adds the stored graphs `graphIDs` to `graph`, with their members and links.
  ///
  /// A link removed by the graph limit or the linking rules can join two graphs (its row is its
  /// first identity's graph's). When its other end is not held, the link is kept as it is
  /// (``IdentityGraph/keepStoredLink(heldEnd:row:)``) rather than dropped, so it is written back
  /// when the graph's row is; the other end's graph is not restored for it, or one graph could
  /// pull in a chain of them.
  static func restore(graphIDs: [Int64], into graph: inout IdentityGraph, db: Database) throws {
    var byStoredID: [Int64: Identity] = [:]
    var links: [(graph: Int64, link: GraphLinkList.Link)] = []
    try IDChunks.forEach(graphIDs) { ids, marks in
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
      for row in try Row.fetchAll(
        db, sql: "SELECT graph_id, links FROM sandbox_graph_links WHERE graph_id IN (\(marks))",
        arguments: StatementArguments(ids))
      {
        let graphID: Int64 = row["graph_id"]
        let bytes: Data = row["links"]
        guard let list = GraphLinkList.decode([UInt8](bytes)) else {
          throw PersistenceError.failed(
            operation: "load the identity graph",
            reason:
              "the links of graph \(graphID) are in a format this aep-lab cannot read (the state "
              + "file is damaged, or was written by a newer aep-lab). Update aep-lab with 'git "
              + "pull', or move the state file aside to start a fresh sandbox")
        }
        links.append(contentsOf: list.map { (graphID, $0) })
      }
    }
    // Ends outside the graphs read may be held already (restored earlier in this ingest).
    var outside = Set<Int64>()
    for (_, link) in links {
      if byStoredID[link.from] == nil { outside.insert(link.from) }
      if byStoredID[link.to] == nil { outside.insert(link.to) }
    }
    var outsideIdentities: [Int64: Identity] = [:]
    try IDChunks.forEach(Array(outside)) { ids, marks in
      for row in try Row.fetchAll(
        db, sql: "SELECT id, namespace, value FROM sandbox_identity WHERE id IN (\(marks))",
        arguments: StatementArguments(ids))
      {
        let identity = Identity(namespace: row["namespace"], id: row["value"])
        if graph.contains(identity) {
          byStoredID[row["id"]] = identity
        } else {
          outsideIdentities[row["id"]] = identity
        }
      }
    }
    guard !links.isEmpty else { return }
    var batches: [Int64: (id: String, dataset: String)] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT number, id, dataset_id FROM sandbox_batch") {
      batches[row["number"]] = (row["id"], row["dataset_id"])
    }
    links.sort { $0.link.storedID < $1.link.storedID }
    for (graphID, link) in links {
      let batch = batches[link.batch]
      let origin = LinkOrigin(
        dataset: batch?.dataset ?? "", batch: batch?.id ?? "", record: Int(link.recordLine),
        order: LinkOrigin.order(batch: Int(link.batch), line: Int(link.recordLine)))
      let state = LinkState(rawValue: Int(link.state)) ?? .active
      if let from = byStoredID[link.from], let to = byStoredID[link.to] {
        graph.restoreLink(
          from: from, to: to, storedID: link.storedID, origin: origin,
          firstEstablished: link.firstOrder, lastEstablished: link.lastOrder, state: state,
          graphID: graphID)
      } else if let held = byStoredID[link.from] ?? byStoredID[link.to],
        outsideIdentities[link.from] != nil || outsideIdentities[link.to] != nil
      {
        graph.keepStoredLink(
          heldEnd: held,
          row: GraphChanges.LinkRow(
            storedID: link.storedID, from: link.from, to: link.to, origin: origin,
            firstEstablished: link.firstOrder, lastEstablished: link.lastOrder, state: state,
            graphID: graphID, isNew: false, isChanged: false))
      }
    }
  }

  /// The stored graph of `identity` alone (its members and links), or `nil` when unknown.
  public func graph(
    of identity: Identity, registry: NamespaceRegistry, rules: IdentityLinkingRules?,
    guardrails: IdentityGuardrails
  ) throws(PersistenceError) -> IdentityGraph? {
    try database.read("load the identity graph") { db in
      guard let graphID = try Self.graphID(of: identity, db: db) else { return nil }
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
      try IDChunks.forEach(identityIDs) { ids, marks in
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
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(active_links), 0) FROM sandbox_graph_links")
        ?? 0
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
        // The session widens the page cache for its writes; other writes get SQLite's default.
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA cache_spill = ON") }
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

  /// An insert of identity rows: id, namespace, value, graph id, first seen, lookup key.
  static func identityInsert(_ db: Database) -> BulkInsert {
    BulkInsert(
      db, into: "sandbox_identity",
      columns: ["id", "namespace", "value", "graph_id", "first_seen", "lookup_key"])
  }

  /// Binds one identity row to `insert` (made by ``identityInsert(_:)``) and ends it.
  static func insert(
    identity storedID: Int64, namespace: String, value: UnsafeBufferPointer<UInt8>,
    graphID: Int64, firstSeen: Int64, with insert: inout BulkInsert
  ) throws {
    insert.bind(storedID)
    insert.bind(namespace)
    insert.bind(text: value)
    insert.bind(graphID)
    insert.bind(firstSeen)
    insert.bind(IdentityKey.of(namespace: namespace, value: value))
    try insert.endRow()
  }

  /// Saves the identity graph's changes: identities new or moved, and each graph's links.
  static func write(_ graph: GraphChanges, links: EncodedGraphLinks?, db: Database) throws {
    var insertIdentity = identityInsert(db)
    try insertIdentity.expect(graph.identities.count { $0.isNew })
    let moveIdentity = try db.cachedStatement(
      sql: "UPDATE sandbox_identity SET graph_id = ? WHERE id = ?")
    for row in graph.identities {
      if row.isNew {
        try graph.withIdentity(of: row) { namespace, value in
          try insert(
            identity: row.storedID, namespace: namespace, value: value, graphID: row.graphID,
            firstSeen: row.firstSeen, with: &insertIdentity)
        }
      } else {
        try moveIdentity.execute(arguments: [row.graphID, row.storedID])
      }
    }
    // Each graph whose links changed is rewritten whole: its stored row goes and its new one
    // is written. A graph restored only to store records against it (no link of it new,
    // changed or moved) keeps its row: an ingest of events for many known people would
    // otherwise rewrite a row per person, pages scattered over the whole table.
    let unchanged = unchangedGraphs(graph)
    try IDChunks.forEach(graph.storedGraphIDs.filter { !unchanged.contains($0) }) { ids, marks in
      try db.execute(
        sql: "DELETE FROM sandbox_graph_links WHERE graph_id IN (\(marks))",
        arguments: StatementArguments(ids))
    }
    let encoded = links ?? EncodedGraphLinks(encoding: graph)
    var insertLinks = BulkInsert(
      db, into: "sandbox_graph_links",
      columns: ["graph_id", "max_link_id", "active_links", "links"])
    try insertLinks.expect(
      (0..<encoded.count).count { !unchanged.contains(encoded.graphIDs[$0]) })
    for index in 0..<encoded.count where !unchanged.contains(encoded.graphIDs[index]) {
      insertLinks.bind(encoded.graphIDs[index])
      insertLinks.bind(encoded.maxLinkIDs[index])
      insertLinks.bind(encoded.activeCounts[index])
      encoded.withList(index) { insertLinks.bind(blob: $0) }
      try insertLinks.endRow()
    }
  }

  /// The graphs held by `graph` that were stored under the same id with the same links: none
  /// of their links is new, changed, or moved into or out of them.
  static func unchangedGraphs(_ graph: GraphChanges) -> Set<Int64> {
    // A first ingest restored nothing: every graph is new.
    guard !graph.storedGraphIDs.isEmpty else { return [] }
    let stored = Set(graph.storedGraphIDs)
    var unchanged = Set<Int64>()
    var changed = Set<Int64>()
    for link in graph.links {
      if link.isChanged {
        changed.insert(link.graphID)
        changed.insert(link.storedGraphID)
      } else if stored.contains(link.graphID) {
        unchanged.insert(link.graphID)
      }
    }
    return unchanged.subtracting(changed)
  }

  /// Inserts the links of graph `graphID` as one row.
  static func insertLinks(of graphID: Int64, _ links: [GraphLinkList.Link], db: Database) throws {
    var bytes: [UInt8] = []
    GraphLinkList.encode(links, into: &bytes)
    try db.execute(
      sql: """
        INSERT INTO sandbox_graph_links (graph_id, max_link_id, active_links, links)
        VALUES (?, ?, ?, ?)
        """,
      arguments: [
        graphID, links.map(\.storedID).max() ?? 0, links.count { $0.state == 0 }, Data(bytes),
      ])
  }

  /// The most records the small index of recent records holds before an ingest moves them to
  /// the large one (see ``SandboxSchema/registerRecentRecords(in:)``): moving them rewrites
  /// most of the large index's pages, once per this many records rather than once per ingest.
  static let recentRecordLimit = 100_000

  /// Moves the recent records to the large identity index once there are more than `limit`.
  static func settleRecentRecords(db: Database, limit: Int = recentRecordLimit) throws {
    let recent = "sandbox_record INDEXED BY sandbox_record_recent_by_identity"
    let count =
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(recent) WHERE recent = 1") ?? 0
    guard count > limit else { return }
    try db.execute(sql: "UPDATE \(recent) SET recent = 0 WHERE recent = 1")
  }

  /// The most records an ingest adds to the small index of recent records; a larger one goes
  /// straight to the large index.
  static let recentIngestLimit = 50_000

  /// The sandbox's indexes, as the schema creates them.
  static let indexes: [(name: String, sql: String)] = [
    (
      "sandbox_record_by_identity",
      """
      CREATE INDEX IF NOT EXISTS sandbox_record_by_identity ON sandbox_record(identity_id, kind)
      WHERE recent = 0
      """
    ),
    (
      "sandbox_record_recent_by_identity",
      """
      CREATE INDEX IF NOT EXISTS sandbox_record_recent_by_identity
      ON sandbox_record(identity_id, kind) WHERE recent = 1
      """
    ),
    (
      "sandbox_identity_by_graph",
      "CREATE INDEX IF NOT EXISTS sandbox_identity_by_graph ON sandbox_identity(graph_id)"
    ),
    (
      "sandbox_identity_by_key",
      "CREATE INDEX IF NOT EXISTS sandbox_identity_by_key ON sandbox_identity(lookup_key)"
    ),
    (
      "sandbox_graph_links_by_link_id",
      """
      CREATE INDEX IF NOT EXISTS sandbox_graph_links_by_link_id
      ON sandbox_graph_links(max_link_id)
      """
    ),
  ]
}
