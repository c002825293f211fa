import GRDB

extension LabDatabase {
  /// The migrations of every store, in order.
  ///
  /// A store adds its own `register` call here.
  ///
  /// Identifiers are never renamed or removed once released: a state file that names one this
  /// build does not know was written by a newer aep-lab, and is refused rather than damaged.
  static func makeMigrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    WorkspaceInfoSchema.register(in: &migrator)
    SandboxSchema.register(in: &migrator)
    return migrator
  }
}

/// The table that records facts about the workspace itself (format, creation time).
enum WorkspaceInfoSchema {
  /// Adds the workspace table's migrations.
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v1-workspace") { db in
      try db.create(table: "workspace") { table in
        table.primaryKey("key", .text)
        table.column("value", .text).notNull()
      }
      try db.execute(
        sql: "INSERT INTO workspace (key, value) VALUES ('createdAt', datetime('now'))")
    }
  }
}
