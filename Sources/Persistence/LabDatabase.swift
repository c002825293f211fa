import Foundation
import GRDB

/// The workspace's state file: one SQLite database that holds progress, the sandbox and segments.
///
/// Every write is a transaction that rolls back if anything in it throws, so a crash or a
/// rejected input leaves the previous state intact. Stores (``ProgressStore`` and the others)
/// wrap it with domain-named operations; no GRDB type leaves this target.
///
/// For example:
///
/// ```swift
/// let database = try LabDatabase.open(at: "/course/.aep-lab/lab.sqlite")
/// ```
public final class LabDatabase: Sendable {
  /// The path of the file, or `":memory:"`.
  public let path: String
  let writer: any DatabaseWriter

  init(path: String, writer: any DatabaseWriter) {
    self.path = path
    self.writer = writer
  }

  /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
  ///
  /// - Throws: ``PersistenceError`` when the folder is not writable, the file is not a
  ///   database, or it was written by a newer aep-lab.
  public static func open(at path: String) throws(PersistenceError) -> LabDatabase {
    let folder = (path as NSString).deletingLastPathComponent
    let files = FileManager.default
    do {
      try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .notWritable(path: folder, reason: "the folder cannot be created")
    }
    guard files.isWritableFile(atPath: folder) else {
      throw .notWritable(path: folder, reason: "the folder is read-only")
    }
    if files.fileExists(atPath: path), !files.isWritableFile(atPath: path) {
      throw .notWritable(path: path, reason: "the file is read-only")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    // Pages of 16 KB (set before the file's first table; no effect on an existing file) make a
    // big ingest write and checkpoint about a third faster than 4 KB pages.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
    do {
      let pool = try DatabasePool(path: path, configuration: configuration)
      let database = LabDatabase(path: path, writer: pool)
      try database.migrate()
      return database
    } catch let error as PersistenceError {
      throw error
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    {
      throw .corrupt(path: path)
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
      || error.resultCode == .SQLITE_PERM
    {
      throw .notWritable(path: path, reason: "SQLite could not write it")
    } catch {
      throw .failed(operation: "open the state file", reason: "\(error)")
    }
  }

  /// Opens a fresh database in memory, for tests.
  public static func inMemory() throws(PersistenceError) -> LabDatabase {
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      let database = LabDatabase(
        path: ":memory:", writer: try DatabaseQueue(configuration: configuration))
      try database.migrate()
      return database
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: "open an in-memory database", reason: "\(error)")
    }
  }

  func migrate() throws {
    let migrator = Self.makeMigrator()
    let known = Set(migrator.migrations)
    let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
    if let unknown = applied.first(where: { !known.contains($0) }) {
      throw PersistenceError.newerVersion(path: path, migration: unknown)
    }
    try migrator.migrate(writer)
  }

  /// Whether reads can run on other threads while a write transaction is open (a state file;
  /// not an in-memory database, where they would wait for the write).
  public var allowsConcurrentReads: Bool { writer is DatabasePool }

  /// Runs `body` in a write transaction, mapping database failures to ``PersistenceError``.
  func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(PersistenceError) -> T {
    do {
      return try writer.write(body)
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: operation, reason: Self.describe(error))
    }
  }

  /// Runs `body` in a read-only snapshot, mapping database failures to ``PersistenceError``.
  func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(PersistenceError) -> T {
    do {
      return try writer.read(body)
    } catch let error as PersistenceError {
      throw error
    } catch {
      throw .failed(operation: operation, reason: Self.describe(error))
    }
  }

  /// A one-line description of a database error without its statement arguments.
  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown error")"
    }
    return "\(error)"
  }
}
