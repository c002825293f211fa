import Foundation
import LabCore
import Testing

@Suite struct StatusListWatchTests {
  @Test func statusTextShowsLessonExercisesAndProgressBar() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    try course.solve("exercise-1", file: "answers.json")
    _ = await course.run(["check", "exercise-1"])
    let result = await course.run(["status"])
    #expect(result.code == 0)
    #expect(result.output.contains("Lesson 1 of 2: First lesson"))
    #expect(result.output.contains("exercise-1  Two questions"))
    #expect(result.output.contains("passed"))
    #expect(!result.output.contains("done"))
    #expect(result.output.contains("Progress [###############...............]  50% 1/2"))
  }

  @Test func statusJsonHasTheDocumentedFields() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let result = await course.run(["status", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    let keys = Set(document.objectValue?.keys.map { $0 } ?? [])
    #expect(
      keys == [
        "module", "title", "current", "startedAt", "currentLesson", "lessons", "exercises",
        "counts", "nextExercise",
      ])
    #expect(document["nextExercise"] == "exercise-1")
    let exercise = try #require(document["exercises"]?.arrayValue?.first?.objectValue)
    #expect(
      Set(exercise.keys) == [
        "id", "title", "status", "attempts", "hintsShown", "hintCount", "lastAttemptAt",
        "completedAt",
      ])
  }

  @Test func listShowsEveryModuleAndItsJsonWrapsThem() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let text = await course.run(["list"])
    #expect(text.code == 0)
    #expect(text.output.contains("mini: Mini course"))
    #expect(text.output.contains("2. Second lesson"))
    let json = await course.run(["list", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(json.output.utf8))
    #expect(document["modules"]?.arrayValue?.first?["module"] == "mini")
  }

  @Test func watchChecksTheCurrentExerciseAndMovesOnAfterAPass() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.solve("exercise-1", file: "answers.json")
    let result = await course.run(["watch", "--max-checks", "2"])
    #expect(result.code == 0)
    #expect(result.output.contains("✓ exercise-1 passed"))
    #expect(result.output.contains("On to exercise-2: A segment definition body."))
    #expect(result.output.contains("✗ exercise-2 did not pass"))
  }

  @Test func watchRechecksWhenTheAnswerFileChanges() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let solution = try course.text("Exercises/mini/exercise-1/solution/answers.json")
    let writer = Task {
      try await Task.sleep(for: .milliseconds(300))
      try course.write("Exercises/mini/exercise-1/answers.json", solution + "\n")
    }
    let result = await course.run(["watch", "--interval", "0.05", "--max-checks", "2"])
    _ = try await writer.value
    #expect(result.output.contains("✗ exercise-1 did not pass (attempt 1)"))
    #expect(result.output.contains("✓ exercise-1 passed (attempt 2)"))
  }
}
