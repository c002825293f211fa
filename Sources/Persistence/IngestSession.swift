import GRDB
import Identities

/// One ingest's write transaction, open while the ingest links and stores records chunk by
/// chunk (see ``SandboxStore/ingest(expectedRecords:_:)``).
///
/// The caller restores the stored graphs around each chunk's identities, links the chunk,
/// inserts its records, and ends with ``finish(datasets:batches:graph:)``. Nothing is visible
/// to other connections until the transaction commits; a failure or a `false` from the body
/// rolls all of it back.
public struct IngestSession {
  let db: Database
  /// Whether the indexes were dropped for this ingest, to be built again by ``finish``.
  private(set) var rebuildsIndexes: Bool
  /// The records inserted so far.
  public private(set) var insertedRecords = 0
  /// A failure injected after this many records, for tests.
  let failingAfterRecords: Int?
  private var insertRecord: BulkInsert
  private var insertIdentity: BulkInsert
  /// The `recent` flag of the records this ingest inserts.
  private let recent: Int64

  /// The stored id the next new identity gets.
  public let nextIdentityID: Int64
  /// The stored id the next new link gets.
  public let nextLinkID: Int64

  /// Whether the sandbox held identities before this ingest (if not, no graph needs restoring).
  public var hasStoredIdentities: Bool { nextIdentityID > 1 }

  init(db: Database, expectedRecords: Int, failingAfterRecords: Int?) throws {
    self.db = db
    self.failingAfterRecords = failingAfterRecords
    (nextIdentityID, nextLinkID) = try SandboxStore.nextIDs(db)
    // A big ingest into a smaller sandbox builds the indexes once at the end, which is much
    // faster than updating them row by row; it stays inside the transaction.
    // Counting stops at `expectedRecords`: a small ingest into a big sandbox does not scan its
    // identities (20 ms at a million).
    rebuildsIndexes =
      try expectedRecords > 50_000
      && Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM sandbox_identity LIMIT ?)",
        arguments: [expectedRecords]) ?? 0 < expectedRecords
    // 128 MB of page cache; beyond it SQLite writes pages to the WAL as it goes.
    try db.execute(sql: "PRAGMA cache_size = -131072")
    if rebuildsIndexes {
      for index in SandboxStore.indexes {
        try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
      }
    }
    insertRecord = BulkInsert(
      db, into: "sandbox_record",
      columns: [
        "batch", "line", "kind", "identity_id", "event_id", "event_time", "json", "recent",
      ])
    // A small ingest adds its records to the small index of recent records.
    recent = expectedRecords <= SandboxStore.recentIngestLimit && !rebuildsIndexes ? 1 : 0
    insertIdentity = SandboxStore.identityInsert(db)
  }

  /// Adds to `graph` every stored graph holding one of `identities` that `graph` lacks, with
  /// its members and links (on this session's thread; see also
  /// ``SandboxStore/restoreGraphs(around:into:)``).
  ///
  /// Reading needs the indexes: if they were dropped, they are built again first (and kept up
  /// to date from then on), or each look-up would read the whole table.
  public mutating func restoreGraphs(
    around identities: some Sequence<Identity>, into graph: inout IdentityGraph
  ) throws(PersistenceError) {
    guard hasStoredIdentities else { return }
    do {
      try buildIndexesIfDropped()
      try SandboxStore.restoreGraphs(around: identities, into: &graph, db: db)
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "load the identity graph", reason: LabDatabase.describe(error))
    }
  }

  /// Builds the indexes again if they were dropped for this ingest (and keeps them up to date
  /// from then on): a look-up without them would read the whole table.
  private mutating func buildIndexesIfDropped() throws {
    guard rebuildsIndexes else { return }
    for index in SandboxStore.indexes { try db.execute(sql: index.sql) }
    rebuildsIndexes = false
  }

  /// The stored rows of those of `identities` stored before this ingest, by identity (on this
  /// session's thread; see also ``SandboxStore/storedIdentities(_:)``).
  public mutating func storedIdentities(_ identities: [Identity]) throws(PersistenceError)
    -> [Identity: StoredIdentity]
  {
    guard hasStoredIdentities else { return [:] }
    do {
      try buildIndexesIfDropped()
      return try SandboxStore.storedIdentities(identities, db: db)
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "load the identity graph", reason: LabDatabase.describe(error))
    }
  }

  /// Inserts identities first seen by this ingest, in the graphs they were in when taken
  /// (``IdentityGraph/takeNewIdentities()``): ``finish(datasets:batches:graph:)`` moves those
  /// whose graph changed since.
  public mutating func insert(identities: NewIdentities) throws(PersistenceError) {
    do {
      try insertIdentity.expect(identities.count)
      for index in 0..<identities.count {
        try identities.withRow(index) { row in
          try SandboxStore.insert(
            identity: row.storedID, namespace: row.namespace, value: row.value,
            graphID: row.graphID, firstSeen: row.firstSeen, with: &insertIdentity)
        }
      }
    } catch {
      throw .failed(operation: "save the identities", reason: LabDatabase.describe(error))
    }
  }

  /// Inserts records of batch number `batch`.
  public mutating func insert(records: [IngestRecord], batch: Int) throws(PersistenceError) {
    do {
      try insertRecord.expect(records.count)
      for record in records {
        if let failingAfterRecords, insertedRecords == failingAfterRecords {
          throw PersistenceError.failed(operation: "save the batch", reason: "injected failure")
        }
        insertRecord.bind(batch)
        insertRecord.bind(record.line)
        insertRecord.bind(record.kind.rawValue)
        insertRecord.bind(record.identityID)
        insertRecord.bind(record.eventID)
        insertRecord.bind(record.eventTime)
        insertRecord.bind(record.json)
        insertRecord.bind(recent)
        try insertRecord.endRow()
        insertedRecords += 1
      }
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "save the records", reason: LabDatabase.describe(error))
    }
  }

  /// Saves the ingest's datasets (when new), batches and identity graph changes, and builds
  /// the indexes again if they were dropped.
  ///
  /// `links` are the graph's links already encoded, else they are encoded here. Returns the
  /// profile stores that were up to date until this ingest: the writing of each and of its
  /// delta (``StoredProfileColumns/version``), by merge policy id.
  @discardableResult
  public func finish(
    datasets: [StoredDataset], batches: [StoredBatch], graph: GraphChanges,
    links: EncodedGraphLinks? = nil
  ) throws(PersistenceError) -> [String: String] {
    do {
      try SandboxStore.write(datasets: datasets, batches: batches, db: db)
      try SandboxStore.write(graph, links: links, db: db)
      let current = try SandboxStore.currentProfileStores(db: db)
      try SandboxStore.markProfileColumnsDirty(graphIDs: graph.affectedGraphIDs, db: db)
      if rebuildsIndexes {
        for index in SandboxStore.indexes {
          if index.name == "sandbox_identity_by_key" {
            // Its sort runs several times faster in small pieces that fit the CPU's cache,
            // merged on both cores. Spilling is switched off first, so shrinking the page
            // cache does not write the transaction's pages out one by one.
            try db.execute(sql: "PRAGMA cache_spill = OFF")
            try db.execute(sql: "PRAGMA cache_size = -4096")
            try db.execute(sql: "PRAGMA threads = 2")
          }
          try db.execute(sql: index.sql)
        }
        try db.execute(sql: "PRAGMA threads = 0")
      }
      try SandboxStore.settleRecentRecords(db: db)
      return current
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "save the ingest", reason: LabDatabase.describe(error))
    }
  }
}
