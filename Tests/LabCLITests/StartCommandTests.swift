import Foundation
import Testing

@Suite struct StartCommandTests {
  @Test func startShowsTheOverviewTheFirstLessonAndEndsOnTheExerciseList() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["start", "mini"])
    #expect(result.code == 0)
    #expect(result.output.contains("Mini course"))
    #expect(result.output.contains("Lesson 1 of 2"))
    #expect(result.output.contains("This is the first lesson"))
    let exercises = try #require(result.output.range(of: "EXERCISE"))
    let lesson = try #require(result.output.range(of: "This is the first lesson"))
    #expect(lesson.lowerBound < exercises.lowerBound)
    #expect(result.output.contains("exercise-1"))
    #expect(result.output.contains("exercise-2"))
    #expect(result.output.hasSuffix("then run aep-lab check exercise-1.\n"))
  }

  @Test func startCreatesTheStateFileAndWelcomesBackOnTheSecondRun() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    #expect(
      FileManager.default.fileExists(atPath: course.home.appendingPathComponent("lab.sqlite").path))
    _ = await course.run(["lesson", "next"])
    let again = await course.run(["start", "mini"])
    #expect(again.code == 0)
    #expect(again.output.contains("Welcome back to Mini course"))
    #expect(again.output.contains("Lesson 2 of 2"))
  }

  @Test func startWithoutAModuleResumesTheOnlyOne() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["start"])
    #expect(result.code == 0)
    #expect(result.output.contains("Lesson 1 of 2"))
  }

  @Test func misspeltModuleExits64WithASuggestion() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["start", "mnii"])
    #expect(result.code == 64)
    #expect(result.error.contains("No module named 'mnii'. Did you mean 'mini'?"))
  }
}
