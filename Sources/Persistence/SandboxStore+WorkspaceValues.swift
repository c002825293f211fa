import GRDB

extension SandboxStore {
  /// The text stored under `key` in the workspace's key-value table, if any.
  ///
  /// Services keep small pieces of state there, such as the simulated site's current visit.
  public func workspaceValue(forKey key: String) throws(PersistenceError) -> String? {
    try database.read("read the workspace value '\(key)'") { db in
      try String.fetchOne(db, sql: "SELECT value FROM workspace WHERE key = ?", arguments: [key])
    }
  }

  /// Stores `value` under `key` in the workspace's key-value table (`nil` removes it).
  public func setWorkspaceValue(_ value: String?, forKey key: String) throws(PersistenceError) {
    try database.write("save the workspace value '\(key)'") { db in
      if let value {
        try db.execute(
          sql: "INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)",
          arguments: [key, value])
      } else {
        try db.execute(sql: "DELETE FROM workspace WHERE key = ?", arguments: [key])
      }
    }
  }
}
