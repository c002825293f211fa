import Foundation

/// A temporary copy of the LabCLI tests' mini course, for validator and loader tests.
struct FixtureCourse {
  /// The repository's root folder.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The copy's root.
  let root: URL

  /// Copies `Tests/LabCLITests/Fixtures/MiniCourse` into a fresh temporary folder.
  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-course-\(UUID().uuidString)")
    try FileManager.default.copyItem(
      at: Self.repositoryRoot.appendingPathComponent("Tests/LabCLITests/Fixtures/MiniCourse"),
      to: root)
  }

  /// The text of a file.
  func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// Writes a file, creating folders as needed.
  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Replaces `old` with `new` in a file.
  func edit(_ path: String, replacing old: String, with new: String) throws {
    let text = try self.text(path)
    precondition(text.contains(old), "fixture text changed: \(old)")
    try write(path, text.replacingOccurrences(of: old, with: new))
  }

  /// Deletes a file or folder.
  func delete(_ path: String) throws {
    try FileManager.default.removeItem(at: root.appendingPathComponent(path))
  }

  /// Deletes the copy.
  func remove() { try? FileManager.default.removeItem(at: root) }
}
