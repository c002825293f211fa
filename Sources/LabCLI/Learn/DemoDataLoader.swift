import Foundation
import Persistence
import Sandbox

/// Loads the course's Luma demo datasets into a workspace's sandbox the first time a module
/// starts, so the lessons' commands work from the first one.
enum DemoDataLoader {
  /// Ingests `datasets/luma` when the sandbox has no dataset yet; returns the ingest, or `nil`
  /// when there was something already (or no demo data in the content).
  static func loadIfEmpty(_ workspace: Workspace) throws(LabFailure) -> IngestReport? {
    let folder = workspace.contentRoot.appendingPathComponent(LumaDatasets.folder)
    guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
    let sandbox = try workspace.openSandbox()
    return try sandboxCall { () throws(SandboxError) in
      guard try sandbox.datasets().isEmpty else { return nil }
      return try sandbox.ingest(path: folder.path)
    }
  }
}
