import Foundation

/// The fixed names of the content tree: `Modules/<module>/module.json`,
/// `Exercises/<module>/<exercise>/exercise.json`, `datasets/<name>/`.
public enum ContentLayout {
  /// The folder of module manifests and lessons.
  public static let modules = "Modules"
  /// The folder of exercise folders, grouped by module.
  public static let exercises = "Exercises"
  /// The folder of datasets.
  public static let datasets = "datasets"
  /// A module's manifest file name.
  public static let moduleManifest = "module.json"
  /// An exercise's manifest file name.
  public static let exerciseManifest = "exercise.json"
  /// An exercise's task file name.
  public static let exerciseReadme = "README.md"
  /// An exercise's solution folder name.
  public static let solution = "solution"
  /// An exercise's folder of pristine starter files, as shipped.
  public static let starter = "starter"

  /// The module folders under `root/Modules` that hold a manifest, sorted by name.
  public static func moduleFolders(in root: URL) -> [String] {
    let base = root.appendingPathComponent(modules)
    return entries(of: base).filter {
      FileManager.default.fileExists(
        atPath: base.appendingPathComponent($0).appendingPathComponent(moduleManifest).path)
    }
  }

  /// The names in `folder`, sorted, without hidden files; empty if it does not exist.
  static func entries(of folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// Whether `url` is a folder.
  static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
