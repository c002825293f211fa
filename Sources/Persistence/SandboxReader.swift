import Foundation
import GRDB
import Identities
import Profiles

/// Reads of the sandbox inside one read transaction, so a lookup sees one consistent state and
/// pays for one transaction (see ``SandboxStore/read(_:)``).
public struct SandboxReader {
  let db: Database

  /// The custom namespaces, in creation order.
  public func customNamespaces() throws -> [IdentityNamespace] {
    try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM sandbox_namespace ORDER BY id")).map {
      row in
      IdentityNamespace(
        id: row["id"], code: row["code"], name: row["name"],
        type: IdentityType(rawValue: row["type"]) ?? .crossDevice, isCustom: true,
        description: row["description"])
    }
  }

  /// The identity graph linking rules, or `nil` when none are set.
  public func identityRules() throws -> IdentityLinkingRules? {
    guard
      let text = try String.fetchOne(
        db.cachedStatement(sql: "SELECT rules FROM sandbox_identity_rules WHERE id = 1"))
    else { return nil }
    return try? JSONDecoder().decode(IdentityLinkingRules.self, from: Data(text.utf8))
  }

  /// The merge policies (the built-in default when none were saved).
  public func mergePolicies() throws -> MergePolicySet {
    let texts = try String.fetchAll(
      db.cachedStatement(sql: "SELECT policy FROM sandbox_merge_policy ORDER BY position"))
    let decoder = JSONDecoder()
    return MergePolicySet(
      policies: texts.compactMap { try? decoder.decode(MergePolicy.self, from: Data($0.utf8)) })
  }

  /// Every batch, in ingestion order.
  public func batches() throws -> [StoredBatch] {
    try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM sandbox_batch ORDER BY number")).map {
      row in
      StoredBatch(
        id: row["id"], number: row["number"], datasetID: row["dataset_id"],
        ingestedAt: row["ingested_at"], source: row["source"], accepted: row["accepted"],
        rejected: row["rejected"])
    }
  }

  /// The stored row of `identity`, or `nil`.
  public func identity(_ identity: Identity) throws -> StoredIdentity? {
    let statement = try db.cachedStatement(
      sql: "SELECT * FROM sandbox_identity WHERE lookup_key = ? AND namespace = ? AND value = ?")
    return try Row.fetchOne(
      statement, arguments: [IdentityKey.of(identity), identity.namespace, identity.id]
    ).map(Self.storedIdentity)
  }

  static func storedIdentity(_ row: Row) -> StoredIdentity {
    StoredIdentity(
      storedID: row["id"], identity: Identity(namespace: row["namespace"], id: row["value"]),
      graphID: row["graph_id"], firstSeen: row["first_seen"])
  }

  /// The identities of graph `graphID`, oldest first.
  public func graphMembers(graphID: Int64) throws -> [StoredIdentity] {
    let statement = try db.cachedStatement(
      sql: "SELECT * FROM sandbox_identity WHERE graph_id = ? ORDER BY first_seen, id")
    return try Row.fetchAll(statement, arguments: [graphID]).map(Self.storedIdentity)
  }

  /// The records stored against the identities `identityIDs`, of `kind`, oldest first.
  public func records(identityIDs: [Int64], kind: StoredRecord.Kind) throws -> [StoredRecord] {
    var result: [StoredRecord] = []
    // Both identity indexes of the records (see ``SandboxSchema/registerRecentRecords(in:)``).
    try IDChunks.forEach(identityIDs) { ids, marks in
      let select = """
        SELECT r.*, \(SandboxSchema.recordOrder) AS ordinal, b.id AS batch_id,
          b.dataset_id AS dataset_id
        FROM sandbox_record r
        JOIN sandbox_batch b ON b.number = r.batch
        WHERE r.identity_id IN (\(marks)) AND r.kind = ?
        """
      let values = ids.map { $0 as any DatabaseValueConvertible } + [kind.rawValue]
      result += try Row.fetchAll(
        db.cachedStatement(
          sql: "\(select) AND r.recent = 0 UNION ALL \(select) AND r.recent = 1"),
        arguments: StatementArguments(values + values)
      ).map { row in
        StoredRecord(
          batchID: row["batch_id"], datasetID: row["dataset_id"], line: row["line"],
          order: row["ordinal"], kind: StoredRecord.Kind(rawValue: row["kind"]) ?? .profile,
          identityID: row["identity_id"], eventID: row["event_id"], eventTime: row["event_time"],
          json: row["json"])
      }
    }
    return result.sorted { $0.order < $1.order }
  }
}

extension SandboxStore {
  /// Runs `body` with a reader inside one read transaction.
  public func read<T>(_ body: (SandboxReader) throws -> T) throws(PersistenceError) -> T {
    try database.read("read the sandbox") { db in try body(SandboxReader(db: db)) }
  }
}
