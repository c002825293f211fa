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
  let rebuildsIndexes: Bool
  /// The records inserted so far.
  public private(set) var insertedRecords = 0
  /// A failure injected after this many records, for tests.
  let failingAfterRecords: Int?
  private var insertRecord: BulkInsert

  /// The stored id the next new identity gets.
  public let nextIdentityID: Int64
  /// The stored id the next new link gets.
  public let nextLinkID: Int64

  /// Whether the sandbox held identities before this ingest (if not, no graph needs restoring).
  public var hasStoredIdentities: Bool { nextIdentityID > 1 }

  init(db: Database, expectedRecords: Int, failingAfterRecords: Int?) throws {
    self.db = db
    self.failingAfterRecords = failingAfterRecords
    nextIdentityID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sandbox_identity") ?? 0) + 1
    nextLinkID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sandbox_link") ?? 0) + 1
    // A big ingest into a smaller sandbox builds the indexes once at the end, which is much
    // faster than updating them row by row; it stays inside the transaction.
    let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sandbox_identity") ?? 0
    rebuildsIndexes = expectedRecords > 50_000 && existing < expectedRecords
    try db.execute(sql: "PRAGMA cache_size = -262144")
    if rebuildsIndexes {
      for index in SandboxStore.indexes {
        try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
      }
    }
    insertRecord = try BulkInsert(
      db,
      sql: """
        INSERT INTO sandbox_record
          (batch, line, kind, identity_id, event_id, event_time, json)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
  }

  /// Adds to `graph` every stored graph holding one of `identities` that `graph` lacks, with
  /// its members and links.
  public func restoreGraphs(
    around identities: some Sequence<Identity>, into graph: inout IdentityGraph
  ) throws(PersistenceError) {
    guard hasStoredIdentities else { return }
    do {
      var graphIDs = Set<Int64>()
      let statement = try db.cachedStatement(
        sql: "SELECT graph_id FROM sandbox_identity WHERE namespace = ? AND value = ?")
      for identity in identities where !graph.contains(identity) {
        if let id = try Int64.fetchOne(statement, arguments: [identity.namespace, identity.id]) {
          graphIDs.insert(id)
        }
      }
      guard !graphIDs.isEmpty else { return }
      try SandboxStore.restore(graphIDs: graphIDs.sorted(), into: &graph, db: db)
    } catch {
      throw .failed(operation: "load the identity graph", reason: LabDatabase.describe(error))
    }
  }

  /// Inserts records of batch number `batch`.
  public mutating func insert(records: [IngestRecord], batch: Int) throws(PersistenceError) {
    do {
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
        try insertRecord.step(db)
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
  public func finish(datasets: [StoredDataset], batches: [StoredBatch], graph: GraphChanges)
    throws(PersistenceError)
  {
    do {
      try SandboxStore.write(datasets: datasets, batches: batches, db: db)
      try SandboxStore.write(graph, batches: batches, db: db)
      if rebuildsIndexes {
        for index in SandboxStore.indexes { try db.execute(sql: index.sql) }
      }
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "save the ingest", reason: LabDatabase.describe(error))
    }
  }
}
