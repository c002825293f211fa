import Curriculum
import Foundation

/// Where built demo sandboxes are kept between runs: one SQLite file per seed in `folder`,
/// named with a `fingerprint` of the aep-lab build, so a new build never reads an old file.
public struct DemoDataCache: Sendable {
  /// The folder of the cache files (in the learner's state folder).
  public var folder: URL
  /// What identifies the build that wrote the files (its executable's size and time).
  public var fingerprint: String

  /// Creates a cache description.
  public init(folder: URL, fingerprint: String) {
    self.folder = folder
    self.fingerprint = fingerprint
  }

  /// The cache for the running executable in `folder`: its fingerprint is the executable's
  /// size and modification time; `nil` when they cannot be read.
  public static func forRunningExecutable(in folder: URL) -> DemoDataCache? {
    guard let path = Bundle.main.executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? Int,
      let modified = attributes[.modificationDate] as? Date
    else { return nil }
    return DemoDataCache(
      folder: folder, fingerprint: "\(size)-\(Int(modified.timeIntervalSince1970))")
  }

  /// The file of `seed`.
  func file(seed: UInt64) -> String {
    folder.appendingPathComponent("luma-\(seed)-\(fingerprint).sqlite").path
  }

  /// Removes cache files of other builds.
  func removeStale(keeping current: String) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in files where name.hasPrefix("luma-") && !name.contains("-\(fingerprint).") {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }
}

/// The capability key under which the CLI provides the demo-data cache to checkers.
public enum DemoDataCacheKey: CheckContextKey {
  /// The capability's type.
  public typealias Value = DemoDataCache
}
