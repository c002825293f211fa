import Foundation
import GRDB
import Identities

/// Reads whole identity graphs (identities, profile fragments, events) in one read
/// transaction, decoding columns by position: segmenting and the profile store read every
/// record of the graphs they touch, and looking columns up by name cost a fifth of that.
struct GraphReader {
  let db: Database
  /// The graphs to fill, in the order they are returned.
  let graphIDs: [Int64]

  /// The graphs whose `graph_id` meets `condition` (on `sandbox_identity`, with `arguments`),
  /// in the order of ``graphIDs``; a graph read that is not among them is left out.
  func read(condition: String, arguments: StatementArguments) throws -> [GraphRecords] {
    var graphs: [Int64: GraphRecords] = [:]
    for id in graphIDs {
      graphs[id] = GraphRecords(graphID: id, members: [], profiles: [], events: [])
    }
    var batches: [Int64: (id: String, dataset: String)] = [:]
    let batchRows = try Row.fetchCursor(
      db.cachedStatement(sql: "SELECT number, id, dataset_id FROM sandbox_batch"))
    while let row = try batchRows.next() {
      batches[row[0]] = (row[1], row[2])
    }
    let identities = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT id, namespace, value, graph_id, first_seen FROM sandbox_identity
          WHERE \(condition) ORDER BY first_seen, id
          """),
      arguments: arguments)
    while let row = try identities.next() {
      let graph: Int64 = row[3]
      graphs[graph]?.members.append(
        StoredIdentity(
          storedID: row[0], identity: Identity(namespace: row[1], id: row[2]), graphID: graph,
          firstSeen: row[4]))
    }
    // Both identity indexes of the records (see ``SandboxSchema/registerRecentRecords(in:)``).
    let select = """
      SELECT r.batch, r.line, r.kind, r.identity_id, r.event_id, r.event_time, r.json,
        i.graph_id
      FROM sandbox_identity i JOIN sandbox_record r ON r.identity_id = i.id
      """
    let records = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          \(select) AND r.recent = 0 WHERE i.\(condition)
          UNION ALL
          \(select) AND r.recent = 1 WHERE i.\(condition)
          ORDER BY 1, 2
          """),
      arguments: arguments + arguments)
    while let row = try records.next() {
      let batch: Int64 = row[0]
      let line: Int = row[1]
      let kind = StoredRecord.Kind(rawValue: row[2]) ?? .profile
      guard let named = batches[batch] else { continue }
      let record = StoredRecord(
        batchID: named.id, datasetID: named.dataset, line: line,
        order: batch << 32 | Int64(line), kind: kind, identityID: row[3], eventID: row[4],
        eventTime: row[5], json: row[6])
      let graph: Int64 = row[7]
      if kind == .event {
        graphs[graph]?.events.append(record)
      } else {
        graphs[graph]?.profiles.append(record)
      }
    }
    return graphIDs.compactMap { graphs[$0] }
  }
}
