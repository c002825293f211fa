import Foundation
import Persistence
import Sandbox

/// Sandboxes holding the Luma demo data, in memory: what the checks judge answers on.
public enum DemoSandbox {
  /// A new in-memory sandbox with the demo data of `seed` ingested.
  public static func make(seed: UInt64) throws(SandboxError) -> Sandbox {
    let database: LabDatabase
    do {
      database = try LabDatabase.inMemory()
    } catch {
      throw .storage(error)
    }
    let sandbox = Sandbox(database: database)
    try sandbox.ingest(LumaDemoData(seed: seed).datasetRecords)
    return sandbox
  }
}
