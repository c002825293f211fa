import Foundation
import Testing

@Suite struct DevCheckCommandTests {
  @Test func fixtureCourseHasNoProblems() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["dev", "check"])
    #expect(result.code == 0)
    #expect(result.output.contains("Checked 1 module and 2 exercises: no problems."))
  }

  @Test func realContentHasNoProblems() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(
      ["dev", "check", "--root", CourseSandbox.repositoryRoot.path])
    #expect(result.error == "")
    #expect(result.code == 0)
  }

  @Test func eachProblemIsOneLineNamingTheFileAndTheFix() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.write("Exercises/mini/exercise-1/notes.txt", "stray")
    try course.write("Exercises/mini/exercise-2/README.md", "# No task marker here\n")
    let result = await course.run(["dev", "check"])
    #expect(result.code == 1)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "Exercises/mini/exercise-1/notes.txt: is a stray file. Add it to \"answerFiles\" in "
          + "exercise.json, or delete it.",
        "Exercises/mini/exercise-2/README.md: has no 'TODO'. Mark where the learner acts with "
          + "'TODO:'.",
      ])
    #expect(result.error.contains("2 content problems"))
  }
}
