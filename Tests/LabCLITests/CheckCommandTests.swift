import Foundation
import LabCore
import Testing

@Suite struct CheckCommandTests {
  @Test func starterFailsWithFindingsAndAPointerToTheNextHint() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["check", "exercise-1"])
    #expect(result.code == 1)
    #expect(result.output.contains("✗ exercise-1 did not pass (attempt 1): 2 findings."))
    #expect(result.output.contains("Question 'q1' is not answered yet: Pick b."))
    #expect(result.output.contains("expected: the right choice, one of a, b"))
    #expect(result.output.contains("where:    Exercises/mini/exercise-1/answers.json › q1"))
    #expect(result.output.contains("Stuck? aep-lab hint exercise-1 shows hint 1 of 3."))
  }

  @Test func wrongAnswerGetsThatQuestionsFeedback() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.write("Exercises/mini/exercise-1/answers.json", #"{"q1": "a", "q2": true}"#)
    let result = await course.run(["check", "exercise-1"])
    #expect(result.code == 1)
    #expect(result.output.contains("Question 'q1' is not right. The answer is the second letter."))
    #expect(result.output.contains("1 of 2 questions right."))
  }

  @Test func solutionPassesAndStatusShowsItPassed() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.solve("exercise-1", file: "answers.json")
    let result = await course.run(["check", "exercise-1"])
    #expect(result.code == 0)
    #expect(result.output.contains("✓ exercise-1 passed (attempt 1)."))
    #expect(result.output.contains("aep-lab check exercise-2"))
    let status = await course.run(["status", "--format", "json"])
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(status.output.utf8))
    let first = try #require(document["exercises"]?.arrayValue?.first)
    #expect(first["status"] == "passed")
    #expect(first["attempts"] == 1)
  }

  @Test func jsonReportCarriesIdVerdictFindingsAndAttempts() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["check", "exercise-2"])
    let result = await course.run(["check", "exercise-2", "--format", "json"])
    #expect(result.code == 1)
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    #expect(document["exercise"] == "exercise-2")
    #expect(document["passed"] == false)
    #expect(document["attempts"] == 2)
    #expect(document["nextHint"] == "aep-lab hint exercise-2")
    let findings = try #require(document["findings"]?.arrayValue)
    #expect(findings.count == 2)
    #expect(findings.first?["location"] == "Exercises/mini/exercise-2/segment.json › name")
    #expect(findings.last?["expected"] == #""_xdm.context.profile""#)
  }

  @Test func unknownExerciseExits64WithTheValidIds() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["check", "exercise-12"])
    #expect(result.code == 64)
    #expect(
      result.error.contains(
        "No exercise 'exercise-12' in module 'mini'. Did you mean 'exercise-1'? Valid ids: "
          + "'exercise-1', 'exercise-2'."))
  }

  @Test func brokenAnswerFileIsAFindingWithTheLine() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.write(
      "Exercises/mini/exercise-1/answers.json", "{\n  \"q1\": \"b\"\n  \"q2\": true\n}")
    let result = await course.run(["check", "exercise-1"])
    #expect(result.code == 1)
    #expect(result.output.contains("'answers.json' is not valid JSON"))
    #expect(result.output.contains("line 3"))
  }

  @Test func missingAnswerFilePointsToReset() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try FileManager.default.removeItem(at: course.url("Exercises/mini/exercise-1/answers.json"))
    let result = await course.run(["check", "exercise-1"])
    #expect(result.code == 1)
    #expect(result.output.contains("The answer file 'answers.json' is missing."))
    #expect(result.output.contains("aep-lab reset exercise-1"))
  }
}
