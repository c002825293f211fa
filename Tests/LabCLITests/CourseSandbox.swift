import Foundation
import LabCLI

/// A temporary copy of a fixture course with its own state folder, and a way to run `aep-lab`
/// commands against it in-process with captured output.
struct CourseSandbox {
  /// What one command printed and returned.
  struct Result {
    var code: Int32
    var output: String
    var error: String
  }

  /// The repository's root folder (three levels above this file).
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The fixture courses' folder.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The copy of the course.
  let root: URL
  /// The state folder (`AEP_LAB_HOME`).
  let home: URL
  /// The folder holding both, removed by ``remove()``.
  let base: URL

  /// Copies `fixture` into a fresh temporary folder (`nil`: an empty folder is prepared).
  init(fixture: String? = "MiniCourse") throws {
    base = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-cli-\(UUID().uuidString)")
    root = base.appendingPathComponent("course")
    home = base.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    if let fixture {
      try FileManager.default.copyItem(
        at: Self.fixtures.appendingPathComponent(fixture), to: root)
    }
  }

  /// Copies the repository's own course (`Modules`, `Exercises`, `datasets`) into a fresh
  /// temporary folder: what a learner's clone holds.
  static func repositoryCourse() throws -> CourseSandbox {
    let course = try CourseSandbox(fixture: nil)
    try FileManager.default.createDirectory(at: course.root, withIntermediateDirectories: true)
    for folder in ["Modules", "Exercises", "datasets"] {
      try FileManager.default.copyItem(
        at: repositoryRoot.appendingPathComponent(folder),
        to: course.root.appendingPathComponent(folder))
    }
    return course
  }

  /// The environment commands see: this course, this state folder, no real credentials.
  var environment: [String: String] {
    [
      "AEP_LAB_ROOT": root.path, "AEP_LAB_HOME": home.path, "HOME": base.path,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  /// Runs `aep-lab` with `arguments`; `extra` adds or overrides environment variables.
  func run(_ arguments: [String], environment extra: [String: String] = [:], width: Int = 80)
    async -> Result
  {
    let console = Console.capturing(width: width)
    let code = await LabEnvironment.$current.withValue(
      environment.merging(extra) { _, new in new }
    ) {
      await Console.$current.withValue(console) {
        await AEPLab.run(arguments: arguments)
      }
    }
    return Result(code: code, output: console.capturedOutput, error: console.capturedError)
  }

  /// A file of the course copy.
  func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// The text of a file of the course copy.
  func text(_ relative: String) throws -> String {
    try String(contentsOf: url(relative), encoding: .utf8)
  }

  /// Replaces a file of the course copy.
  func write(_ relative: String, _ text: String) throws {
    try Data(text.utf8).write(to: url(relative))
  }

  /// Copies an exercise's solution over its starter, as a learner who solved it would have.
  func solve(_ exercise: String, module: String = "mini", file: String) throws {
    let folder = "Exercises/\(module)/\(exercise)"
    try write("\(folder)/\(file)", try text("\(folder)/solution/\(file)"))
  }

  /// Deletes the temporary folder.
  func remove() {
    try? FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: home.path)
    try? FileManager.default.removeItem(at: base)
  }
}
