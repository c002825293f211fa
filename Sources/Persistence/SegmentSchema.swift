import GRDB

/// The segmentation service's tables: segment definitions, segment jobs (kept) and memberships
/// per profile and segment.
///
/// A profile is keyed by `profile_key`: its graph id under a `pdg` merge policy, or the negated
/// stored identity id under a `none` policy (one profile per identity).
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
  }
}
