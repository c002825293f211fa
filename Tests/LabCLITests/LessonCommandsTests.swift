import Foundation
import LabCore
import Testing

@testable import LabCLI

/// Every command the lessons of module 3 show runs as written, lesson after lesson.
///
/// They run in one workspace started with `start module3`: the demo data plus what the earlier
/// lessons did.
/// `aep-lab serve &` is the real server in this process (`--target local` goes to it).
@Suite(.serialized) struct LessonCommandsTests {
  /// Commands shown but not run here, and why.
  static let notRun: [String: String] = [
    "serve": "started in this process instead",
    "watch": "runs until stopped",
    "check": "its outcome is the learner's (CheckCommandTests)",
    "hint": "its outcome is the learner's (HintSolutionResetTests)",
    "solution": "its outcome is the learner's (HintSolutionResetTests)",
    "reset": "asks for confirmation (HintSolutionResetTests)",
    "lesson": "LessonCommandTests",
    "status": "StatusListWatchTests",
  ]

  /// The `aep-lab ...` lines of the code blocks of `markdown`, comments removed.
  static func commands(in markdown: String) -> [String] {
    var result: [String] = []
    var inBlock = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inBlock.toggle()
        continue
      }
      guard inBlock, line.hasPrefix("aep-lab ") else { continue }
      var command = String(line)
      if let comment = command.range(of: "  #") { command = String(command[..<comment.lowerBound]) }
      result.append(command.trimmingCharacters(in: .whitespaces))
    }
    return result
  }

  @Test func everyLessonCommandRunsInOrderOnTheDemoData() async throws {
    let course = try CourseSandbox.repositoryCourse()
    defer { course.remove() }
    let start = await course.run(["start", "module3"])
    try #require(start.code == 0, "\(start.output)\(start.error)")
    let server = try await WorkspaceServer.start(for: course)
    defer { server.stop() }
    let lessons = try FileManager.default.contentsOfDirectory(
      atPath: course.url("Modules/module3").path
    ).filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }.sorted()
    #expect(lessons.count == 8)
    var ran = 0
    for lesson in lessons {
      for command in Self.commands(in: try course.text("Modules/module3/\(lesson)")) {
        let arguments = Array(HelpExamplesTests.arguments(command).dropFirst())
        guard let first = arguments.first, Self.notRun[first] == nil,
          !HelpExamplesTests.placeholders.contains(where: command.contains)
        else { continue }
        let result = await course.run(arguments, environment: server.environment)
        #expect(
          result.code == 0,
          "\(lesson): '\(command)' exited \(result.code): \(result.output)\(result.error)")
        ran += 1
      }
    }
    #expect(ran > 40)
  }
}
