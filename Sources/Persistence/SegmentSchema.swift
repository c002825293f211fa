import GRDB
import Segmentation

/// The segmentation service's tables: segment definitions, segment jobs (kept) and memberships.
///
/// A profile is keyed by its profile key: its graph id under a `pdg` merge policy, or the
/// negated stored identity id under a `none` policy (one profile per identity). Memberships
/// are kept as pages of a segment (``MembershipPage``): one row per segment and 1,024 keys,
/// so a job over half a million profiles writes hundreds of rows, not half a million.
enum SegmentSchema {
  /// Adds the segmentation migrations.
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v1-segments") { db in
      try db.execute(
        sql: """
          CREATE TABLE segment_definition (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            creation_time INTEGER NOT NULL,
            definition TEXT NOT NULL
          );
          CREATE TABLE segment_job (
            id TEXT PRIMARY KEY NOT NULL,
            creation_time INTEGER NOT NULL,
            job TEXT NOT NULL
          );
          CREATE TABLE segment_membership (
            profile_key INTEGER NOT NULL,
            segment_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('realized', 'existing', 'exited')),
            qualified_at INTEGER NOT NULL,
            PRIMARY KEY (profile_key, segment_id)
          ) WITHOUT ROWID;
          CREATE INDEX segment_membership_by_segment ON segment_membership(segment_id);
          """)
    }
    migrator.registerMigration("v2-membership-pages") { db in
      try db.execute(
        sql: """
          CREATE TABLE segment_membership_page (
            segment_id TEXT NOT NULL,
            page INTEGER NOT NULL,
            members BLOB NOT NULL,
            PRIMARY KEY (segment_id, page)
          ) WITHOUT ROWID;
          CREATE INDEX segment_membership_page_by_page ON segment_membership_page(page);
          CREATE TABLE segment_evaluation (
            segment_id TEXT PRIMARY KEY NOT NULL,
            evaluated_at INTEGER NOT NULL
          ) WITHOUT ROWID;
          """)
      var lists: [String: SegmentMemberList] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT * FROM segment_membership ORDER BY segment_id, profile_key")
      while let row = try rows.next() {
        guard let status = SegmentMembership.Status(rawValue: row["status"]) else { continue }
        lists[row["segment_id"], default: SegmentMemberList()].append(
          key: row["profile_key"],
          SegmentMembership(status: status, lastQualificationTime: row["qualified_at"]))
      }
      for (segment, list) in lists {
        let latest = list.memberships.map(\.lastQualificationTime).max() ?? 0
        try SegmentStore.replace(segmentID: segment, with: list, evaluatedAt: latest, db: db)
      }
      try db.execute(sql: "DROP TABLE segment_membership")
    }
    // Pages of many members spill onto overflow pages; in a table WITHOUT ROWID every key
    // comparison on the way to a page then reads them (see the profile store's parts).
    migrator.registerMigration("v3-membership-pages-by-rowid") { db in
      try db.execute(
        sql: """
          CREATE TABLE segment_membership_page_new (
            segment_id TEXT NOT NULL,
            page INTEGER NOT NULL,
            members BLOB NOT NULL,
            UNIQUE (segment_id, page)
          );
          INSERT INTO segment_membership_page_new (segment_id, page, members)
            SELECT segment_id, page, members FROM segment_membership_page;
          DROP TABLE segment_membership_page;
          ALTER TABLE segment_membership_page_new RENAME TO segment_membership_page;
          CREATE INDEX segment_membership_page_by_page ON segment_membership_page(page);
          """)
    }
  }
}
