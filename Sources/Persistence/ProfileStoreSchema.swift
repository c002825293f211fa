import GRDB

/// The tables of the columnar profile store: per merge policy a header and its parts (each
/// column, the keys, the identities: read one by one, as a query needs them), the delta of
/// rows patched since (its parts named `delta.*`, under the delta's own writing), and the
/// identity graphs each store has yet to take in.
///
/// The store is derived from the records (which stay the source of truth): a missing or stale
/// row is rebuilt from them, so these tables can always be emptied safely.
enum ProfileStoreSchema {
  /// Adds the profile store's migration.
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v1-profile-store") { db in
      try db.execute(
        sql: """
          CREATE TABLE profile_store (
            policy_id TEXT PRIMARY KEY NOT NULL,
            stamp TEXT NOT NULL,
            generation TEXT NOT NULL,
            header BLOB NOT NULL
          );
          CREATE TABLE profile_store_part (
            policy_id TEXT NOT NULL,
            generation TEXT NOT NULL,
            name TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (policy_id, name)
          ) WITHOUT ROWID;
          CREATE TABLE profile_store_dirty (
            policy_id TEXT NOT NULL,
            graph_id INTEGER NOT NULL,
            PRIMARY KEY (policy_id, graph_id)
          ) WITHOUT ROWID;
          """)
    }
    // A table WITHOUT ROWID keeps each row in its key's B-tree, so finding a part compared
    // keys whose records spill onto overflow pages and read them whole: 15 to 20 ms per part
    // at 1M profiles. In a rowid table the key lives in a small index and only the part read
    // is loaded.
    migrator.registerMigration("v2-profile-store-parts-by-rowid") { db in
      try db.execute(
        sql: """
          CREATE TABLE profile_store_part_new (
            policy_id TEXT NOT NULL,
            generation TEXT NOT NULL,
            name TEXT NOT NULL,
            data BLOB NOT NULL,
            UNIQUE (policy_id, name)
          );
          INSERT INTO profile_store_part_new (policy_id, generation, name, data)
            SELECT policy_id, generation, name, data FROM profile_store_part;
          DROP TABLE profile_store_part;
          ALTER TABLE profile_store_part_new RENAME TO profile_store_part;
          """)
    }
    // A patch of a few graphs writes only the rows it replaced (the delta, its parts under
    // their own writing) instead of the whole store: 365 MB at 1M profiles.
    migrator.registerMigration("v3-profile-store-delta") { db in
      try db.execute(sql: "ALTER TABLE profile_store ADD COLUMN delta TEXT")
    }
    // How many writings have changed the records since the state file began: a reader that
    // built or patched a store from records an ingest changed meanwhile does not save it.
    migrator.registerMigration("v4-profile-store-records-version") { db in
      try db.execute(
        sql: """
          CREATE TABLE profile_store_records_version (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            changes INTEGER NOT NULL
          );
          INSERT INTO profile_store_records_version (id, changes) VALUES (1, 0);
          """)
    }
  }
}
