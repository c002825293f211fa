import GRDB

/// The sandbox's tables: datasets, batches, records, identities, each graph's links, custom
/// namespaces, identity graph linking rules and merge policies.
///
/// Identities carry their graph's id (`graph_id`, indexed), so one profile lookup reads one
/// graph's rows instead of the whole sandbox; they are found by `lookup_key`
/// (``IdentityKey``). A graph's links are one ``GraphLinkList`` row. Records and links keep
/// their batch's number (`batch`, `sandbox_batch.number`), not its text id nor its dataset's:
/// readers join `sandbox_batch` for both. A record's ingestion order is not stored: it is
/// `LinkOrigin.order(batch:line:)`, `batch << 32 | line` (``SandboxSchema/recordOrder``).
enum SandboxSchema {
  /// The SQL expression of a record's ingestion order (`LinkOrigin.order(batch:line:)`), for
  /// a `sandbox_record` table aliased `r`.
  static let recordOrder = "((r.batch << 32) | r.line)"

  /// Adds the sandbox's migrations.
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v1-sandbox") { db in
      try db.execute(
        sql: """
          CREATE TABLE sandbox_dataset (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            class TEXT NOT NULL CHECK (class IN ('profile', 'experienceevent')),
            schema TEXT NOT NULL,
            created_at TEXT NOT NULL
          );
          CREATE TABLE sandbox_batch (
            id TEXT PRIMARY KEY NOT NULL,
            number INTEGER NOT NULL UNIQUE,
            dataset_id TEXT NOT NULL REFERENCES sandbox_dataset(id) ON DELETE CASCADE,
            ingested_at TEXT NOT NULL,
            source TEXT NOT NULL,
            accepted INTEGER NOT NULL,
            rejected INTEGER NOT NULL
          );
          CREATE TABLE sandbox_record (
            id INTEGER PRIMARY KEY,
            batch INTEGER NOT NULL,
            line INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            identity_id INTEGER NOT NULL,
            event_id TEXT,
            event_time INTEGER,
            json TEXT NOT NULL
          );
          CREATE INDEX sandbox_record_by_identity ON sandbox_record(identity_id, kind);
          CREATE TABLE sandbox_identity (
            id INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            value TEXT NOT NULL,
            graph_id INTEGER NOT NULL,
            first_seen INTEGER NOT NULL
          );
          CREATE UNIQUE INDEX sandbox_identity_by_value ON sandbox_identity(namespace, value);
          CREATE INDEX sandbox_identity_by_graph ON sandbox_identity(graph_id);
          CREATE TABLE sandbox_link (
            id INTEGER PRIMARY KEY,
            from_id INTEGER NOT NULL,
            to_id INTEGER NOT NULL,
            batch INTEGER NOT NULL,
            record_line INTEGER NOT NULL,
            first_order INTEGER NOT NULL,
            last_order INTEGER NOT NULL,
            state INTEGER NOT NULL,
            graph_id INTEGER NOT NULL
          );
          CREATE INDEX sandbox_link_by_graph ON sandbox_link(graph_id);
          CREATE TABLE sandbox_namespace (
            code TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
            id INTEGER NOT NULL UNIQUE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            description TEXT NOT NULL
          );
          CREATE TABLE sandbox_identity_rules (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            rules TEXT NOT NULL
          );
          CREATE TABLE sandbox_merge_policy (
            id TEXT PRIMARY KEY NOT NULL,
            position INTEGER NOT NULL,
            policy TEXT NOT NULL
          );
          """)
    }
  }

  /// Adds the migration to the second storage of the identity graph: identities looked up by
  /// ``IdentityKey`` (`lookup_key`) instead of by their texts, and each graph's links in one
  /// ``GraphLinkList`` row of `sandbox_graph_links` instead of a row per link.
  ///
  /// Registered after the segment migrations, in the order it was released.
  /// Adds the migration that splits the records' identity index in two: the records of small
  /// ingests go to a small index of recent records (`recent = 1`), so adding 10,000 events to
  /// a large sandbox changes a few of its pages rather than nearly every page of the large
  /// index. Readers look in both; an ingest moves the recent records into the large index
  /// once there are more than ``SandboxStore/recentRecordLimit``.
  static func registerRecentRecords(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v3-sandbox-recent-records") { db in
      try db.execute(
        sql: """
          ALTER TABLE sandbox_record ADD COLUMN recent INTEGER NOT NULL DEFAULT 0;
          DROP INDEX IF EXISTS sandbox_record_by_identity;
          """)
      for index in SandboxStore.indexes where index.name.hasPrefix("sandbox_record") {
        try db.execute(sql: index.sql)
      }
    }
  }

  /// Adds the migration that indexes each graph's highest link id, so that an ingest finds the
  /// next one without reading every graph's row (36 ms at a million fragments).
  static func registerLinkIDIndex(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v4-sandbox-link-id-index") { db in
      for index in SandboxStore.indexes where index.name == "sandbox_graph_links_by_link_id" {
        try db.execute(sql: index.sql)
      }
    }
  }

  static func registerGraphLinks(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v2-sandbox-graph-links") { db in
      try db.execute(
        sql: """
          ALTER TABLE sandbox_identity ADD COLUMN lookup_key INTEGER NOT NULL DEFAULT 0;
          DROP INDEX IF EXISTS sandbox_identity_by_value;
          CREATE TABLE sandbox_graph_links (
            graph_id INTEGER PRIMARY KEY,
            max_link_id INTEGER NOT NULL,
            active_links INTEGER NOT NULL,
            links BLOB NOT NULL
          );
          """)
      let identities = try Row.fetchAll(
        db, sql: "SELECT id, namespace, value FROM sandbox_identity")
      let setKey = try db.makeStatement(
        sql: "UPDATE sandbox_identity SET lookup_key = ? WHERE id = ?")
      for row in identities {
        try setKey.execute(arguments: [
          IdentityKey.of(namespace: row["namespace"], value: row["value"]), row["id"],
        ])
      }
      try db.execute(
        sql: "CREATE INDEX sandbox_identity_by_key ON sandbox_identity(lookup_key)")
      var graph: Int64?
      var links: [GraphLinkList.Link] = []
      func flush() throws {
        guard let graph, !links.isEmpty else { return }
        try SandboxStore.insertLinks(of: graph, links, db: db)
      }
      // A link goes with the graph its first identity is in now: the first storage could leave
      // a stale graph id on a removed link whose graph was not restored.
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT l.*, COALESCE(i.graph_id, l.graph_id) AS owner
          FROM sandbox_link l LEFT JOIN sandbox_identity i ON i.id = l.from_id
          ORDER BY owner, l.id
          """)
      {
        let rowGraph: Int64 = row["owner"]
        if rowGraph != graph {
          try flush()
          graph = rowGraph
          links = []
        }
        links.append(
          GraphLinkList.Link(
            storedID: row["id"], from: row["from_id"], to: row["to_id"], batch: row["batch"],
            recordLine: row["record_line"], firstOrder: row["first_order"],
            lastOrder: row["last_order"], state: row["state"]))
      }
      try flush()
      try db.execute(sql: "DROP TABLE sandbox_link")
    }
  }
}
