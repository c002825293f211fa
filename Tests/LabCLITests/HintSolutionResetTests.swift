import Foundation
import LabCore
import Testing

@Suite struct HintSolutionResetTests {
  @Test func eachHintCallShowsTheNextHintUntilTheyRunOut() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let first = await course.run(["hint", "exercise-1"])
    let second = await course.run(["hint", "exercise-1"])
    let third = await course.run(["hint", "exercise-1"])
    let fourth = await course.run(["hint", "exercise-1"])
    #expect(first.output.contains("Hint 1 of 3 for exercise-1:\nFirst hint."))
    #expect(second.output.contains("Hint 2 of 3 for exercise-1:\nSecond hint."))
    #expect(third.output.contains("Hint 3 of 3 for exercise-1:\nThird hint."))
    #expect(!third.output.contains("Run it again"))
    #expect(fourth.code == 0)
    #expect(fourth.output.contains("You have seen all 3 hints for exercise-1:"))
    #expect(fourth.output.contains("aep-lab solution exercise-1 --give-up"))
    let check = await course.run(["check", "exercise-1"])
    #expect(check.output.contains("You have seen all 3 hints."))
  }

  @Test func hintJsonSaysWhichHintAndWhetherTheyRanOut() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["hint", "exercise-2", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    #expect(document["hint"] == 1)
    #expect(document["text"] == "Look at the required fields.")
    #expect(document["exhausted"] == false)
  }

  @Test func solutionIsHiddenBeforePassingAndGivingUpMarksItRevealed() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let hidden = await course.run(["solution", "exercise-1"])
    #expect(hidden.code == 1)
    #expect(hidden.error.contains("'exercise-1' has not passed yet, so its solution stays hidden."))
    let shown = await course.run(["solution", "exercise-1", "--give-up"])
    #expect(shown.code == 0)
    #expect(shown.output.contains("exercise-1 is marked revealed."))
    #expect(shown.output.contains(#""q1": "b","#))
    try course.solve("exercise-1", file: "answers.json")
    let check = await course.run(["check", "exercise-1"])
    #expect(check.code == 0)
    #expect(check.output.contains("It stays marked revealed"))
    let text = await course.run(["status"])
    #expect(text.output.contains("0/2 passed, 1 revealed"))
    let status = await course.run(["status", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(status.output.utf8))
    #expect(document["exercises"]?.arrayValue?.first?["status"] == "revealed")
    #expect(document["counts"]?["revealed"] == 1)
  }

  @Test func solutionIsShownFreelyAfterAPass() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.solve("exercise-2", file: "segment.json")
    _ = await course.run(["check", "exercise-2"])
    let shown = await course.run(["solution", "exercise-2"])
    #expect(shown.code == 0)
    #expect(shown.output.contains("_xdm.context.profile"))
    #expect(!shown.output.contains("revealed"))
  }

  @Test func resetWithYesRestoresTheStarterAndForgetsProgress() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let starter = try course.text("Exercises/mini/exercise-1/answers.json")
    _ = await course.run(["start", "mini"])
    try course.solve("exercise-1", file: "answers.json")
    _ = await course.run(["check", "exercise-1"])
    _ = await course.run(["hint", "exercise-1"])
    let reset = await course.run(["reset", "exercise-1", "--yes"])
    #expect(reset.code == 0)
    #expect(reset.output.contains("Restored answers.json of exercise-1 to the starter."))
    #expect(try course.text("Exercises/mini/exercise-1/answers.json") == starter)
    let status = await course.run(["status", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(status.output.utf8))
    let first = try #require(document["exercises"]?.arrayValue?.first)
    #expect(first["status"] == "pending")
    #expect(first["attempts"] == 0)
    #expect(first["hintsShown"] == 0)
  }

  @Test func resetWithoutConfirmationChangesNothing() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    try course.write("Exercises/mini/exercise-1/answers.json", "{}")
    let reset = await course.run(["reset", "exercise-1"])
    #expect(reset.code == 64)
    #expect(reset.error.contains("run 'aep-lab reset exercise-1 --yes' to go ahead"))
    #expect(try course.text("Exercises/mini/exercise-1/answers.json") == "{}")
  }

  @Test func resetAllRestoresEveryExerciseAndReturnsToLessonOne() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    _ = await course.run(["lesson", "2"])
    try course.solve("exercise-1", file: "answers.json")
    try course.solve("exercise-2", file: "segment.json")
    _ = await course.run(["check", "exercise-1"])
    let reset = await course.run(["reset", "--all", "--yes"])
    #expect(reset.code == 0)
    #expect(try course.text("Exercises/mini/exercise-2/segment.json").contains(#""name": """#))
    let status = await course.run(["status", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(status.output.utf8))
    #expect(document["currentLesson"] == 1)
    #expect(document["counts"]?["pending"] == 2)
  }

  @Test func resetRestoresFromTheStarterFolderEvenWithoutAKeptCopy() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let starter = try course.text("Exercises/mini/exercise-1/starter/answers.json")
    try course.write("Exercises/mini/exercise-1/answers.json", "{}")
    let reset = await course.run(["reset", "exercise-1", "--yes"])
    #expect(reset.code == 0)
    #expect(try course.text("Exercises/mini/exercise-1/answers.json") == starter)
  }

  @Test func resetWithoutAStarterFolderOrAKeptCopyPointsToGitAndChangesNothing() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try FileManager.default.removeItem(
      at: course.root.appendingPathComponent("Exercises/mini/exercise-1/starter"))
    try course.write("Exercises/mini/exercise-1/answers.json", "{}")
    let reset = await course.run(["reset", "exercise-1", "--yes"])
    #expect(reset.code == 1)
    #expect(
      reset.error.contains(
        "No copy of the starter 'Exercises/mini/exercise-1/answers.json' was kept"))
    #expect(reset.error.contains("git checkout -- Exercises/mini/exercise-1/answers.json"))
    #expect(try course.text("Exercises/mini/exercise-1/answers.json") == "{}")
  }

  @Test func resetNeedsAnExerciseOrAll() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["reset"])
    #expect(result.code == 64)
    #expect(result.error.contains("Name an exercise"))
  }
}
