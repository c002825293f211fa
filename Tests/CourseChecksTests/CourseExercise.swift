import Curriculum
import Foundation

@testable import CourseChecks

/// Module 3's exercises as committed, and submissions of them with files replaced.
enum CourseExercise {
  /// The repository's root, found from this file.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The exercise `id` of module 3.
  static func exercise(_ id: String) throws -> Exercise {
    try Course.load(from: root).module("module3").exercise(id)
  }

  /// Checks `id`'s solution with the files in `replacing` written instead.
  static func check(_ id: String, replacing: [String: String] = [:], starter: Bool = false)
    async throws -> CheckReport
  {
    let exercise = try exercise(id)
    var submission = starter ? Submission.starter(of: exercise) : Submission.solution(of: exercise)
    for (file, text) in replacing { submission.files[file] = Data(text.utf8) }
    let checker = try CheckerRegistry.course.checker(for: exercise)
    var context = CheckContext(contentRoot: root, moduleID: "module3")
    context[LearnerSandboxKey.self] = .replayed
    return try await checker.check(submission, in: context)
  }
}
