import Foundation
import GRDB

extension LabDatabase {
  /// A copy of this database in memory, made with SQLite's backup: an independent sandbox to
  /// change without touching this one.
  public func inMemoryCopy() throws(PersistenceError) -> LabDatabase {
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      let queue = try DatabaseQueue(configuration: configuration)
      try writer.backup(to: queue)
      return LabDatabase(path: ":memory:", writer: queue)
    } catch {
      throw .failed(operation: "copy a database into memory", reason: Self.describe(error))
    }
  }

  /// Writes a copy of this database to the file at `path`, replacing it atomically (a reader
  /// never sees half a copy).
  public func writeCopy(to path: String) throws(PersistenceError) {
    let folder = (path as NSString).deletingLastPathComponent
    let partial = "\(path).\(UUID().uuidString).partial"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let queue = try DatabaseQueue(path: partial)
      try writer.backup(to: queue)
      try queue.close()
      if rename(partial, path) != 0 {
        throw PersistenceError.notWritable(path: path, reason: "the copy could not be renamed")
      }
    } catch let error as PersistenceError {
      try? FileManager.default.removeItem(atPath: partial)
      throw error
    } catch {
      try? FileManager.default.removeItem(atPath: partial)
      throw .failed(operation: "write a copy of the database", reason: Self.describe(error))
    }
  }

  /// The database file at `path`, copied into memory; `nil` when there is no such file or it
  /// is not a database of this version.
  public static func inMemoryCopy(ofFile path: String) -> LabDatabase? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let file = try DatabaseQueue(path: path, configuration: configuration)
      let source = LabDatabase(path: path, writer: file)
      let copy = try source.inMemoryCopy()
      try file.close()
      try copy.migrate()
      return copy
    } catch {
      return nil
    }
  }
}
