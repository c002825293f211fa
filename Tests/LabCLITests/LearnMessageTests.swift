import Foundation
import LabCore
import Testing

@testable import LabCLI

/// Messages of the learn commands that a learner tripped over.
@Suite struct LearnMessageTests {
  @Test(arguments: ["check", "hint", "solution", "reset"])
  func aBareNumberSuggestsTheExerciseId(command: String) async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let result = await course.run([command, "2"])
    #expect(result.code == 64)
    #expect(result.error.contains("No exercise '2' in module 'mini'. Did you mean 'exercise-2'?"))
  }

  @Test func lessonFormatJsonPrintsTheLessonAndABadFormatBlamesTheFormat() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let json = await course.run(["lesson", "2", "--format", "json"])
    #expect(json.code == 0)
    let document = try JSONParser.parse(json.output)
    #expect(document["number"] == 2)
    #expect(document["module"] == "mini")
    #expect(document["markdown"]?.stringValue?.hasPrefix("# ") == true)
    let bad = await course.run(["lesson", "--format", "xml"])
    #expect(bad.code == 64)
    #expect(bad.error.contains("'xml'"))
    #expect(bad.error.contains("--format"))
    #expect(!bad.error.contains("is not a lesson"))
    let swapped = await course.run(["lesson", "json"])
    #expect(swapped.error.contains("'json' is a format, not a lesson"))
  }

  @Test func givingUpOnTheLastExerciseSaysTheModuleIsComplete() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let first = await course.run(["solution", "exercise-1", "--give-up"])
    #expect(first.output.contains("Still to do in mini: 'exercise-2'"))
    #expect(!first.output.contains("try the next"))
    let last = await course.run(["solution", "exercise-2", "--give-up"])
    #expect(last.output.contains("every exercise of mini is passed or revealed"))
    #expect(!last.output.contains("try the next"))
  }

  @Test func ingestFromAnotherFolderNamesTheAbsolutePathAndTheCoursesDatasets() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-ingest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("datasets/luma"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let elsewhere = AEPLab.Ingest.missingPathFailure(
      "datasets/luma", contentRoot: root, currentDirectory: "/tmp")
    let message = try #require(elsewhere?.message)
    #expect(
      message.hasPrefix("Nothing to ingest at '/tmp/datasets/luma': the path does not exist."))
    let luma = root.appendingPathComponent("datasets/luma").standardizedFileURL.path
    #expect(message.contains("Try 'aep-lab ingest \(luma)'."))
    let typo = AEPLab.Ingest.missingPathFailure(
      "datasets/lumaa", contentRoot: root, currentDirectory: root.path)
    #expect(typo?.message.contains("Try 'aep-lab ingest \(luma)'.") == true)
    #expect(
      AEPLab.Ingest.missingPathFailure(
        "datasets/luma", contentRoot: root, currentDirectory: root.path)
        == nil)
  }

  @Test func ingestRunFromAnotherFolderDoesNotSuggestTheFailedCommand() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["ingest", "datasets/nowhere-\(UUID().uuidString)"])
    #expect(result.code == 64)
    #expect(result.error.contains("Nothing to ingest at '/"))
    #expect(!result.error.contains("'aep-lab ingest datasets/luma'"))
  }
}
