import Curriculum
import Foundation
import Persistence
import Sandbox
import Synchronization

/// Sandboxes holding the Luma demo data, in memory: what the checks judge answers on.
///
/// Building one (generating the data, then ingesting it) is most of a check's time, so each
/// seed is built once per process and handed out as copies, and with a ``DemoDataCache`` once
/// per build of aep-lab, kept as a file between runs.
public enum DemoSandbox {
  /// The pristine database of each seed built in this process.
  private static let pristine = Mutex<[UInt64: LabDatabase]>([:])

  /// A new in-memory sandbox with the demo data of `seed` ingested, for the caller to change
  /// at will.
  public static func make(seed: UInt64, cache: DemoDataCache? = nil) throws(SandboxError)
    -> Sandbox
  {
    let pristine = try database(seed: seed, cache: cache)
    do throws(PersistenceError) {
      return Sandbox(database: try pristine.inMemoryCopy())
    } catch {
      throw .storage(error)
    }
  }

  /// A new sandbox of `seed`, with the cache `context` provides, if any.
  static func make(seed: UInt64, in context: CheckContext) throws(SandboxError) -> Sandbox {
    try make(seed: seed, cache: context[DemoDataCacheKey.self])
  }

  /// The pristine database of `seed`: from this process, the cache file, or built now.
  private static func database(seed: UInt64, cache: DemoDataCache?) throws(SandboxError)
    -> LabDatabase
  {
    if let built = pristine.withLock({ $0[seed] }) { return built }
    let file = cache?.file(seed: seed)
    if let file, let cached = LabDatabase.inMemoryCopy(ofFile: file) {
      pristine.withLock { $0[seed] = cached }
      return cached
    }
    let database: LabDatabase
    do {
      database = try LabDatabase.inMemory()
    } catch {
      throw .storage(error)
    }
    let sandbox = Sandbox(database: database)
    try sandbox.ingest(LumaDemoData(seed: seed).datasetRecords)
    // The copies start with the profile store built: a check's segments need not build it.
    try sandbox.prepareProfileStore()
    if let file, let cache {
      // A cache that cannot be written only makes the next check slower.
      try? database.writeCopy(to: file)
      cache.removeStale(keeping: file)
    }
    pristine.withLock { $0[seed] = database }
    return database
  }
}
