import Foundation
import GRDB

extension SandboxStore {
  /// Above this many changed graphs, an ingest drops the stores instead of listing the graphs:
  /// rebuilding is then about as cheap as patching.
  static let dirtyGraphLimit = 20_000

  /// The stored columnar profile store of merge policy `policyID`: its header, the parts named
  /// `parts`, and the graphs changed since it was written; `nil` when there is none.
  public func profileColumns(policyID: String, parts: [String]) throws(PersistenceError)
    -> StoredProfileColumns?
  {
    try database.read("read the profile store") { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: "SELECT stamp, generation, delta, header FROM profile_store WHERE policy_id = ?",
          arguments: [policyID])
      else { return nil }
      let generation: String = row["generation"]
      var found: [String: Data] = [:]
      for name in parts {
        found[name] = try Self.part(name, policyID: policyID, generation: generation, db: db)
      }
      let dirty = try Int64.fetchAll(
        db, sql: "SELECT graph_id FROM profile_store_dirty WHERE policy_id = ? ORDER BY graph_id",
        arguments: [policyID])
      return StoredProfileColumns(
        policyID: policyID, stamp: row["stamp"], generation: generation,
        header: row["header"] ?? Data(), parts: found, dirtyGraphIDs: dirty, delta: row["delta"])
    }
  }

  /// How many writings have changed the records so far (ingests, profile deletions): read it
  /// before reading the records a store is built or patched from, and save the store only if
  /// it is still the same (``save(profileColumns:ifRecordsVersion:)``).
  public func recordsVersion() throws(PersistenceError) -> Int64 {
    try database.read("read the records' version") { db in try Self.recordsVersion(db: db) }
  }

  private static func recordsVersion(db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT changes FROM profile_store_records_version") ?? 0
  }

  /// The part `name` of the writing `generation` of policy `policyID`'s store, or `nil` when
  /// that writing was replaced or the part is missing.
  public func profileColumnPart(policyID: String, generation: String, name: String)
    throws(PersistenceError) -> Data?
  {
    try database.read("read the profile store") { db in
      try Self.part(name, policyID: policyID, generation: generation, db: db)
    }
  }

  /// The part `name` of the writing `generation` of policy `policyID`'s store as the
  /// little-endian integers it holds, read straight into the array; `nil` when that writing
  /// was replaced, the part is missing or its size is not a whole number of `T`.
  public func profileColumnIntegers<T: FixedWidthInteger>(
    _ type: T.Type, policyID: String, generation: String, name: String
  ) throws(PersistenceError) -> [T]? {
    try database.read("read the profile store") { db in
      guard
        let rowID = try Int64.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT rowid FROM profile_store_part
              WHERE policy_id = ? AND name = ? AND generation = ?
              """),
          arguments: [policyID, name, generation])
      else { return nil }
      return IntegerBlob.read(
        type, table: "profile_store_part", column: "data", rowID: rowID, db: db)
    }
  }

  private static func part(_ name: String, policyID: String, generation: String, db: Database)
    throws -> Data?
  {
    try Data.fetchOne(
      db,
      sql:
        "SELECT data FROM profile_store_part WHERE policy_id = ? AND name = ? AND generation = ?",
      arguments: [policyID, name, generation])
  }

  /// Saves `columns` as merge policy `columns.policyID`'s store, replacing every part, and
  /// forgets the changed graphs it has taken in (`columns.dirtyGraphIDs`), in one transaction.
  ///
  /// With `version`, nothing is saved (and `false` returned) when the records changed since
  /// ``recordsVersion()`` gave it: the store was made from records that are no longer current.
  @discardableResult
  public func save(
    profileColumns columns: StoredProfileColumns, ifRecordsVersion version: Int64? = nil
  )
    throws(PersistenceError) -> Bool
  {
    try database.write("save the profile store") { db in
      if let version, try Self.recordsVersion(db: db) != version { return false }
      try db.execute(
        sql: """
          INSERT INTO profile_store (policy_id, stamp, generation, header, delta)
          VALUES (?, ?, ?, ?, NULL)
          ON CONFLICT(policy_id) DO UPDATE SET
            stamp = excluded.stamp, generation = excluded.generation, header = excluded.header,
            delta = NULL
          """,
        arguments: [columns.policyID, columns.stamp, columns.generation, columns.header])
      try db.execute(
        sql: "DELETE FROM profile_store_part WHERE policy_id = ?", arguments: [columns.policyID])
      let insert = try db.cachedStatement(
        sql:
          "INSERT INTO profile_store_part (policy_id, generation, name, data) VALUES (?, ?, ?, ?)")
      for (name, data) in columns.parts.sorted(by: { $0.key < $1.key }) {
        try insert.execute(arguments: [columns.policyID, columns.generation, name, data])
      }
      try Self.forget(columns.dirtyGraphIDs, policyID: columns.policyID, db: db)
      return true
    }
  }

  /// Saves the delta of merge policy `policyID`'s store, or returns `false` when the store is
  /// no longer the writing `generation` (or the records changed since `recordsVersion`).
  ///
  /// The parts (named `delta.*`) replace the delta's, under the new writing `delta`, and the
  /// changed graphs the delta has taken in (`dirtyGraphIDs`) are forgotten, in one
  /// transaction; nothing is written when it returns `false`.
  public func saveProfileColumnsDelta(
    policyID: String, generation: String, delta: String, parts: [String: Data],
    dirtyGraphIDs: [Int64], ifRecordsVersion recordsVersion: Int64? = nil
  ) throws(PersistenceError) -> Bool {
    try database.write("save the profile store's delta") { db in
      if let recordsVersion, try Self.recordsVersion(db: db) != recordsVersion { return false }
      guard
        try String.fetchOne(
          db, sql: "SELECT generation FROM profile_store WHERE policy_id = ?",
          arguments: [policyID]) == generation
      else { return false }
      try db.execute(
        sql: "DELETE FROM profile_store_part WHERE policy_id = ? AND generation <> ?",
        arguments: [policyID, generation])
      let insert = try db.cachedStatement(
        sql:
          "INSERT INTO profile_store_part (policy_id, generation, name, data) VALUES (?, ?, ?, ?)")
      for (name, data) in parts.sorted(by: { $0.key < $1.key }) {
        try insert.execute(arguments: [policyID, delta, name, data])
      }
      try db.execute(
        sql: "UPDATE profile_store SET delta = ? WHERE policy_id = ?", arguments: [delta, policyID])
      try Self.forget(dirtyGraphIDs, policyID: policyID, db: db)
      return true
    }
  }

  /// Forgets that the graphs `graphIDs` changed, for merge policy `policyID`'s store.
  private static func forget(_ graphIDs: [Int64], policyID: String, db: Database) throws {
    let forget = try db.cachedStatement(
      sql: "DELETE FROM profile_store_dirty WHERE policy_id = ? AND graph_id = ?")
    for graph in graphIDs {
      try forget.execute(arguments: [policyID, graph])
    }
  }

  /// Drops the stored profile store of merge policy `policyID` (every one when `nil`); the
  /// next reader rebuilds what it needs.
  public func deleteProfileColumns(policyID: String? = nil) throws(PersistenceError) {
    try database.write("drop the profile store") { db in
      guard let policyID else { return try Self.dropProfileColumns(db: db) }
      for table in ["profile_store", "profile_store_part", "profile_store_dirty"] {
        try db.execute(sql: "DELETE FROM \(table) WHERE policy_id = ?", arguments: [policyID])
      }
    }
  }

  static func dropProfileColumns(db: Database) throws {
    try db.execute(
      sql:
        "DELETE FROM profile_store; DELETE FROM profile_store_part; DELETE FROM profile_store_dirty"
    )
  }

  /// The stores no graph has changed in since they were written: the writing of each and of
  /// its delta (``StoredProfileColumns/version``), by merge policy id.
  static func currentProfileStores(db: Database) throws -> [String: String] {
    var result: [String: String] = [:]
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT policy_id, generation, delta FROM profile_store s WHERE NOT EXISTS (
            SELECT 1 FROM profile_store_dirty d WHERE d.policy_id = s.policy_id)
          """))
    while let row = try rows.next() {
      result[row[0]] = StoredProfileColumns.version(generation: row[1], delta: row[2])
    }
    return result
  }

  /// Notes, in the writing transaction, that the graphs `graphIDs` changed, for every stored
  /// profile store (many graphs drop the stores instead), and counts one more change of the
  /// records (``recordsVersion()``).
  static func markProfileColumnsDirty(graphIDs: [Int64], db: Database) throws {
    try db.execute(sql: "UPDATE profile_store_records_version SET changes = changes + 1")
    guard !graphIDs.isEmpty,
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM profile_store)") == true
    else { return }
    if graphIDs.count > dirtyGraphLimit {
      try dropProfileColumns(db: db)
      return
    }
    // 500 graphs to a statement: one per graph cost 14 ms of a 10,000-event ingest at 1M.
    try IDChunks.forEach(graphIDs) { ids, _ in
      let values = Array(repeating: "(?)", count: ids.count).joined(separator: ",")
      try db.cachedStatement(
        sql: """
          INSERT OR IGNORE INTO profile_store_dirty
          SELECT s.policy_id, v.column1 FROM profile_store s, (VALUES \(values)) v
          """
      ).execute(arguments: StatementArguments(ids))
    }
  }

  /// Notes, in the writing transaction, that the graphs of the identities `identityIDs`
  /// changed.
  static func markProfileColumnsDirty(identityIDs: [Int64], db: Database) throws {
    var graphs: [Int64] = []
    try IDChunks.forEach(identityIDs) { ids, marks in
      graphs += try Int64.fetchAll(
        db, sql: "SELECT DISTINCT graph_id FROM sandbox_identity WHERE id IN (\(marks))",
        arguments: StatementArguments(ids))
    }
    try markProfileColumnsDirty(graphIDs: Array(Set(graphs)).sorted(), db: db)
  }
}

extension SandboxStore {
  /// The graph each of the identities `identityIDs` is in now (identities no longer stored are
  /// left out).
  public func graphIDs(identityIDs: [Int64]) throws(PersistenceError) -> [Int64: Int64] {
    try database.read("read the identity graphs") { db in
      var result: [Int64: Int64] = [:]
      try IDChunks.forEach(identityIDs) { ids, marks in
        for row in try Row.fetchAll(
          db, sql: "SELECT id, graph_id FROM sandbox_identity WHERE id IN (\(marks))",
          arguments: StatementArguments(ids))
        {
          result[row["id"]] = row["graph_id"]
        }
      }
      return result
    }
  }
}
