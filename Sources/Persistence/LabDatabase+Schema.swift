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
    ProgressSchema.register(in: &migrator)
    SandboxSchema.register(in: &migrator)
    SegmentSchema.register(in: &migrator)
    SandboxSchema.registerGraphLinks(in: &migrator)
    ProfileStoreSchema.register(in: &migrator)
    SandboxSchema.registerRecentRecords(in: &migrator)
    SandboxSchema.registerLinkIDIndex(in: &migrator)
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

/// The learner's progress: started modules, the current lesson, per-exercise records, and the
/// starter files kept for `reset`.
enum ProgressSchema {
  /// Adds the progress tables' migrations.
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v1-progress") { db in
      try db.create(table: "moduleProgress") { table in
        table.primaryKey("moduleId", .text)
        table.column("startedAt", .datetime).notNull()
        table.column("currentLesson", .integer).notNull().defaults(to: 1)
        table.column("updatedAt", .datetime).notNull()
      }
      try db.create(table: "exerciseProgress") { table in
        table.column("moduleId", .text).notNull()
          .references("moduleProgress", onDelete: .cascade)
        table.column("exerciseId", .text).notNull()
        table.column("status", .text).notNull()
        table.column("attempts", .integer).notNull().defaults(to: 0)
        table.column("hintsShown", .integer).notNull().defaults(to: 0)
        table.column("firstAttemptAt", .datetime)
        table.column("lastAttemptAt", .datetime)
        table.column("completedAt", .datetime)
        table.column("updatedAt", .datetime).notNull()
        table.primaryKey(["moduleId", "exerciseId"])
      }
      try db.create(table: "starterFile") { table in
        table.column("moduleId", .text).notNull()
        table.column("exerciseId", .text).notNull()
        table.column("fileName", .text).notNull()
        table.column("content", .blob).notNull()
        table.column("capturedAt", .datetime).notNull()
        table.primaryKey(["moduleId", "exerciseId", "fileName"])
      }
    }
  }
}
