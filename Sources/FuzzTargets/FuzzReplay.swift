import Foundation

/// Runs inputs through a fuzz target without libFuzzer: the corpus replay the tests and the
/// plain (unsanitised) builds of the `Fuzz/` executables use.
public enum FuzzReplay {
  /// Runs `target` on every file at `paths` (files, or folders read one level deep); returns
  /// how many inputs ran.
  @discardableResult
  public static func run(
    _ paths: [String], through target: (UnsafeBufferPointer<UInt8>) -> Void
  ) -> Int {
    var count = 0
    for path in paths {
      for file in files(at: path) {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        data.withUnsafeBytes { raw in target(raw.bindMemory(to: UInt8.self)) }
        count += 1
      }
    }
    return count
  }

  /// The file at `path`, or the files in the folder at `path` in name order.
  static func files(at path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else { return [path] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.map {
      (path as NSString).appendingPathComponent($0)
    }
  }
}
