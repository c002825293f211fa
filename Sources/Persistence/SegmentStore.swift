import Foundation
import GRDB
import Segmentation
import Synchronization

/// The segmentation service's part of the state file: definitions, jobs and memberships.
///
/// Every method is one transaction; ``finish(job:lists:evaluatedAt:)`` writes a job's
/// memberships and its final state together, so a failed job leaves memberships as they were.
///
/// For example:
///
/// ```swift
/// let store = SegmentStore(database: try LabDatabase.inMemory())
/// try store.save(segment)
/// let memberships = try store.memberships(profileKeys: [graphID])
/// ```
public struct SegmentStore: Sendable {
  /// The state file.
  public let database: LabDatabase

  /// Creates a store over `database`.
  public init(database: LabDatabase) {
    self.database = database
  }

  // MARK: - Definitions

  /// Every segment definition, oldest first.
  public func segments() throws(PersistenceError) -> [Segment] {
    try database.read("read the segment definitions") { db in
      try String.fetchAll(
        db, sql: "SELECT definition FROM segment_definition ORDER BY creation_time, id"
      ).map { try Self.segment(decoding: $0) }
    }
  }

  /// Saves `segment` (a new one, or a new version of a stored one).
  ///
  /// Throws ``PersistenceError/failed(operation:reason:)`` when another definition has its name.
  public func save(_ segment: Segment) throws(PersistenceError) {
    try database.write("save the segment definition") { db in
      try db.execute(
        sql: """
          INSERT INTO segment_definition (id, name, creation_time, definition) VALUES (?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET name = excluded.name, definition = excluded.definition
          """,
        arguments: [segment.id, segment.name, segment.creationTime, try Self.encode(segment)])
    }
  }

  /// Deletes the definition `id` and its memberships; `false` when there was none.
  public func deleteSegment(id: String) throws(PersistenceError) -> Bool {
    try database.write("delete the segment definition") { db in
      try db.execute(
        sql: "DELETE FROM segment_membership_page WHERE segment_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM segment_evaluation WHERE segment_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM segment_definition WHERE id = ?", arguments: [id])
      return db.changesCount > 0
    }
  }

  // MARK: - Jobs

  /// Every job, oldest first.
  public func jobs() throws(PersistenceError) -> [SegmentJobRecord] {
    try database.read("read the segment jobs") { db in
      try String.fetchAll(db, sql: "SELECT job FROM segment_job ORDER BY creation_time, rowid")
        .map { try Self.decode(SegmentJobRecord.self, $0) }
    }
  }

  /// The job `id`, or `nil`.
  public func job(id: String) throws(PersistenceError) -> SegmentJobRecord? {
    try database.read("read the segment job") { db in
      try String.fetchOne(db, sql: "SELECT job FROM segment_job WHERE id = ?", arguments: [id])
        .map { try Self.decode(SegmentJobRecord.self, $0) }
    }
  }

  /// Saves `job` in its current state.
  public func save(job: SegmentJobRecord) throws(PersistenceError) {
    try database.write("save the segment job") { db in
      try Self.write(job: job, db: db)
    }
  }

  static func write(job: SegmentJobRecord, db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO segment_job (id, creation_time, job) VALUES (?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET job = excluded.job
        """,
      arguments: [job.id, job.creationTime, try encode(job)])
  }

  // MARK: - Profiles

  /// The ids of every identity graph, ascending.
  public func graphIDs() throws(PersistenceError) -> [Int64] {
    try database.read("list the identity graphs") { db in
      try Int64.fetchAll(
        db, sql: "SELECT DISTINCT graph_id FROM sandbox_identity ORDER BY graph_id")
    }
  }

  /// Up to `limit` whole graphs with ids above `after` (and at most `through`), ascending, each
  /// with its identities and records: three queries for the whole chunk, so a job over a large
  /// sandbox reads it in bulk.
  public func graphs(after: Int64, through: Int64 = .max, limit: Int) throws(PersistenceError)
    -> [GraphRecords]
  {
    try database.read("read the profiles to segment") { db in
      let ids = try Int64.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT DISTINCT graph_id FROM sandbox_identity WHERE graph_id > ? AND graph_id <= ?
            ORDER BY graph_id LIMIT ?
            """),
        arguments: [after, through, limit])
      guard let low = ids.first, let high = ids.last else { return [] }
      return try GraphReader(db: db, graphIDs: ids).read(
        condition: "graph_id BETWEEN ? AND ?", arguments: [low, high])
    }
  }

  /// The graphs `graphIDs` (ascending, each once) with their identities and records, as
  /// ``graphs(after:limit:)`` gives them: read by index, for a few graphs among many.
  public func graphs(ids graphIDs: [Int64]) throws(PersistenceError) -> [GraphRecords] {
    try database.read("read the profiles to segment") { db in
      var result: [GraphRecords] = []
      try IDChunks.forEach(graphIDs) { ids, marks in
        result += try GraphReader(db: db, graphIDs: ids).read(
          condition: "graph_id IN (\(marks))", arguments: StatementArguments(ids))
      }
      return result
    }
  }

  // MARK: - JSON

  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// Definitions decoded before, by their stored text: the server lists them on every
  /// `GET /segment/definitions`, and decoding was a tenth of that request.
  private static let decoded = Mutex<[String: Segment]>([:])

  /// The definition stored as `text`, decoded once per process.
  static func segment(decoding text: String) throws -> Segment {
    if let known = decoded.withLock({ $0[text] }) { return known }
    let segment = try decode(Segment.self, text)
    decoded.withLock { cache in
      if cache.count >= 1_024 { cache.removeAll() }
      cache[text] = segment
    }
    return segment
  }

  static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }
}
