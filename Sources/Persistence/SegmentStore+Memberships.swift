import Foundation
import GRDB
import Segmentation

extension SegmentStore {
  /// Saves `job` and the whole new state of each of its segments, in one transaction.
  ///
  /// `lists` holds each evaluated segment's memberships by segment id; `evaluatedAt` is the
  /// job's time. Only the pages whose bytes change are written, so a job that changes nothing
  /// writes one row per segment (its time) and the job.
  public func finish(
    job: SegmentJobRecord, lists: [String: SegmentMemberList], evaluatedAt: Int64
  ) throws(PersistenceError) {
    try database.write("save the segment job's memberships") { db in
      for (segment, list) in lists {
        try Self.replace(segmentID: segment, with: list, evaluatedAt: evaluatedAt, db: db)
      }
      try Self.write(job: job, db: db)
    }
  }

  /// The memberships of segment `segmentID`, in key order.
  public func members(segmentID: String) throws(PersistenceError) -> SegmentMemberList {
    try database.read("read the segment's members") { db in
      try Self.list(segmentID: segmentID, db: db)
    }
  }

  /// The memberships of segment `segmentID`, by profile key.
  public func memberships(segmentID: String) throws(PersistenceError)
    -> [Int64: SegmentMembership]
  {
    try members(segmentID: segmentID).byKey
  }

  /// The memberships of the profiles `profileKeys`, by key and segment id: in every segment,
  /// or only in `segmentIDs`.
  ///
  /// Each page read is decoded once, its entries matched against the wanted keys of that page
  /// in key order (no hashing per entry: a page holds hundreds of profiles, a streaming ingest
  /// wants a few of them).
  public func memberships(profileKeys: [Int64], segmentIDs: Set<String>? = nil)
    throws(PersistenceError) -> [Int64: [String: SegmentMembership]]
  {
    let wanted = Set(profileKeys).sorted()
    var pages: [Int64] = []
    var firstWanted: [Int64: Int] = [:]
    for (index, key) in wanted.enumerated() {
      let page = MembershipPage.number(of: key)
      if pages.last != page {
        pages.append(page)
        firstWanted[page] = index
      }
    }
    let segments = segmentIDs.map { $0.sorted() }
    let segmentFilter =
      segments.map {
        " AND p.segment_id IN (\(Array(repeating: "?", count: $0.count).joined(separator: ",")))"
      }
      ?? ""
    return try database.read("read the segment memberships") { db in
      var result: [Int64: [String: SegmentMembership]] = [:]
      result.reserveCapacity(wanted.count)
      try IDChunks.forEach(pages) { group, marks in
        let statement = try db.cachedStatement(
          sql: """
            SELECT p.segment_id, p.page, p.members, e.evaluated_at FROM segment_membership_page p
            JOIN segment_evaluation e ON e.segment_id = p.segment_id
            WHERE p.page IN (\(marks))\(segmentFilter)
            """)
        let arguments = StatementArguments(group) + StatementArguments(segments ?? [])
        for row in try Row.fetchAll(statement, arguments: arguments) {
          let segment: String = row["segment_id"]
          let page: Int64 = row["page"]
          guard var next = firstWanted[page] else { continue }
          try Self.decode(row["members"], page: page, evaluatedAt: row["evaluated_at"]) {
            key, membership in
            while next < wanted.count, wanted[next] < key { next += 1 }
            if next < wanted.count, wanted[next] == key {
              result[key, default: [:]][segment] = membership
            }
          }
        }
      }
      return result
    }
  }

  /// Saves the memberships of some profiles (streaming), by key and segment id; the other
  /// profiles' memberships are kept.
  public func save(memberships: [Int64: [String: SegmentMembership]]) throws(PersistenceError) {
    var bySegment: [String: [Int64: SegmentMembership]] = [:]
    for (key, segments) in memberships {
      for (segment, membership) in segments { bySegment[segment, default: [:]][key] = membership }
    }
    try database.write("save the segment memberships") { db in
      for (segment, changes) in bySegment {
        try Self.update(segmentID: segment, with: changes, db: db)
      }
    }
  }

  // MARK: - Pages

  /// Replaces the memberships of `segmentID` with `list`, writing only the pages that change.
  static func replace(
    segmentID: String, with list: SegmentMemberList, evaluatedAt: Int64, db: Database
  ) throws {
    var stored: [Int64: Data] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT page, members FROM segment_membership_page WHERE segment_id = ?",
      arguments: [segmentID])
    {
      stored[row["page"]] = row["members"]
    }
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO segment_membership_page (segment_id, page, members) VALUES (?, ?, ?)
        ON CONFLICT(segment_id, page) DO UPDATE SET members = excluded.members
        """)
    var start = 0
    while start < list.count {
      let page = MembershipPage.number(of: list.keys[start])
      var end = start + 1
      while end < list.count, MembershipPage.number(of: list.keys[end]) == page { end += 1 }
      let bytes = MembershipPage.encode(list, start..<end, page: page, evaluatedAt: evaluatedAt)
      if stored.removeValue(forKey: page) != bytes {
        try upsert.execute(arguments: [segmentID, page, bytes])
      }
      start = end
    }
    let delete = try db.cachedStatement(
      sql: "DELETE FROM segment_membership_page WHERE segment_id = ? AND page = ?")
    for page in stored.keys { try delete.execute(arguments: [segmentID, page]) }
    try db.execute(
      sql: """
        INSERT INTO segment_evaluation (segment_id, evaluated_at) VALUES (?, ?)
        ON CONFLICT(segment_id) DO UPDATE SET evaluated_at = excluded.evaluated_at
        """, arguments: [segmentID, evaluatedAt])
  }

  /// Sets the memberships `changes` (by key) of `segmentID`, rewriting only their pages.
  static func update(
    segmentID: String, with changes: [Int64: SegmentMembership], db: Database
  ) throws {
    guard
      let evaluatedAt = try Int64.fetchOne(
        db, sql: "SELECT evaluated_at FROM segment_evaluation WHERE segment_id = ?",
        arguments: [segmentID])
    else {
      var list = SegmentMemberList()
      for (key, membership) in changes.sorted(by: { $0.key < $1.key }) {
        list.append(key: key, membership)
      }
      try replace(segmentID: segmentID, with: list, evaluatedAt: 0, db: db)
      return
    }
    let select = try db.cachedStatement(
      sql: "SELECT members FROM segment_membership_page WHERE segment_id = ? AND page = ?")
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO segment_membership_page (segment_id, page, members) VALUES (?, ?, ?)
        ON CONFLICT(segment_id, page) DO UPDATE SET members = excluded.members
        """)
    // The changes in key order, page by page, each page merged with its stored entries.
    let sorted = changes.sorted { $0.key < $1.key }
    var start = 0
    while start < sorted.count {
      let page = MembershipPage.number(of: sorted[start].key)
      var end = start + 1
      while end < sorted.count, MembershipPage.number(of: sorted[end].key) == page { end += 1 }
      var list = SegmentMemberList()
      var next = start
      if let bytes = try Data.fetchOne(select, arguments: [segmentID, page]) {
        try decode(bytes, page: page, evaluatedAt: evaluatedAt) { key, membership in
          while next < end, sorted[next].key < key {
            list.append(key: sorted[next].key, sorted[next].value)
            next += 1
          }
          if next < end, sorted[next].key == key {
            list.append(key: key, sorted[next].value)
            next += 1
          } else {
            list.append(key: key, membership)
          }
        }
      }
      for index in next..<end { list.append(key: sorted[index].key, sorted[index].value) }
      try upsert.execute(arguments: [
        segmentID, page,
        MembershipPage.encode(list, 0..<list.count, page: page, evaluatedAt: evaluatedAt),
      ])
      start = end
    }
  }

  /// Every membership of `segmentID`, decoded from its pages.
  static func list(segmentID: String, db: Database) throws -> SegmentMemberList {
    var list = SegmentMemberList()
    guard
      let evaluatedAt = try Int64.fetchOne(
        db, sql: "SELECT evaluated_at FROM segment_evaluation WHERE segment_id = ?",
        arguments: [segmentID])
    else { return list }
    let rows = try Row.fetchCursor(
      db,
      sql:
        "SELECT page, members FROM segment_membership_page WHERE segment_id = ? ORDER BY page",
      arguments: [segmentID])
    while let row = try rows.next() {
      try decode(row["members"], page: row["page"], evaluatedAt: evaluatedAt) {
        list.append(key: $0, $1)
      }
    }
    return list
  }

  /// Decodes a page, or throws when its bytes are damaged.
  static func decode(
    _ bytes: Data, page: Int64, evaluatedAt: Int64, _ body: (Int64, SegmentMembership) -> Void
  ) throws {
    guard MembershipPage.decode(bytes, page: page, evaluatedAt: evaluatedAt, body) != nil else {
      throw PersistenceError.failed(
        operation: "read the segment memberships",
        reason:
          "a page of memberships is damaged; run 'aep-lab segment run --all' to evaluate the "
          + "segments again")
    }
  }
}
