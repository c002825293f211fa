import Foundation
import LabCore
import Testing

@testable import Curriculum

@Suite struct QuizCheckerTests {
  static let parameters: JSONValue = [
    "file": "answers.json",
    "questions": [
      [
        "id": "q1", "prompt": "Pick c.", "choices": ["a", "b", "c"], "answer": "c",
        "feedback": "C is right.",
      ],
      ["id": "q2", "prompt": "True?", "answer": true, "feedback": "It is true."],
      [
        "id": "q3", "prompt": "Pick a and c.", "choices": ["a", "b", "c"], "answer": ["a", "c"],
        "feedback": "Two of them.",
      ],
    ],
  ]

  func check(_ answers: String) async throws -> CheckReport {
    let checker = try QuizChecker(parameters: Self.parameters, path: "exercise.json")
    let exercise = Exercise(
      manifest: ExerciseManifest(
        id: "exercise-9", module: "m", title: "Quiz", answerFiles: ["answers.json"],
        checker: CheckerSpec(kind: "quiz", parameters: Self.parameters), hints: ["a", "b"]),
      folder: URL(fileURLWithPath: "/nowhere"), relativePath: "Exercises/m/exercise-9")
    let submission = Submission(
      exercise: exercise, folder: exercise.folder, displayFolder: exercise.relativePath,
      files: ["answers.json": Data(answers.utf8)])
    return try await checker.check(
      submission, in: CheckContext(contentRoot: URL(fileURLWithPath: "/"), moduleID: "m"))
  }

  @Test func rightAnswersPassRegardlessOfCaseSpacesAndOrder() async throws {
    let report = try await check(#"{"q1": " C ", "q2": true, "q3": ["c", "A"]}"#)
    #expect(report.isPassed)
    #expect(report.notes == ["3 of 3 questions right."])
  }

  @Test func anAnswerUnderAnUnknownKeyIsAFinding() async throws {
    let report = try await check(#"{"q1": "c", "q2": true, "q3": ["a", "c"], "q4": "b"}"#)
    #expect(!report.isPassed)
    #expect(report.notes == ["3 of 3 questions right."])
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(
      finding.message
        == "'q4' is not a question of this quiz, so its answer is not graded. Did you mean "
        + "'q1'? The questions are 'q1', 'q2', 'q3'.")
    #expect(finding.location == "Exercises/m/exercise-9/answers.json › q4")
    #expect(finding.fix == "Rename 'q4' to 'q1'.")
  }

  @Test func anUnknownKeyFarFromEveryIdHasNoDidYouMean() async throws {
    let report = try await check(#"{"q1": "c", "q2": true, "q3": ["a", "c"], "notes": "x"}"#)
    let finding = try #require(report.findings.first)
    #expect(!finding.message.contains("Did you mean"))
    #expect(finding.message.contains("'notes' is not a question of this quiz"))
    #expect(finding.fix == "Remove 'notes', or rename it to a question id.")
  }

  @Test func eachWrongAnswerGetsItsOwnFeedback() async throws {
    let report = try await check(#"{"q1": "a", "q2": false, "q3": ["a"]}"#)
    #expect(
      report.findings.map(\.message) == [
        "Question 'q1' is not right. C is right.", "Question 'q2' is not right. It is true.",
        "Question 'q3' is not right. Two of them.",
      ])
    #expect(report.findings.first?.location == "Exercises/m/exercise-9/answers.json › q1")
    #expect(report.findings.first?.found == #""a""#)
    #expect(report.findings.first?.expected == "the right choice, one of a, b, c")
  }

  @Test func unansweredAndMalformedAnswersAreFindingsNotGrades() async throws {
    let report = try await check(#"{"q1": "z", "q2": "yes"}"#)
    #expect(
      report.findings.map(\.message) == [
        "Question 'q1' is not one of the allowed values.", "Question 'q2' has the wrong type.",
        "Question 'q3' is not answered yet: Pick a and c.",
      ])
  }

  @Test func aQuotedTrueIsCalledOutAsText() async throws {
    let report = try await check(#"{"q1": "c", "q2": "true", "q3": ["a", "c"]}"#)
    #expect(
      report.findings.map(\.message) == [
        "Question 'q2' has the wrong type. Write true without quotes."
      ])
  }

  @Test func anAnswerFileThatIsNotAnObjectIsOneFinding() async throws {
    let report = try await check(#"["c"]"#)
    #expect(report.findings.count == 1)
    #expect(report.findings.first?.expected == "a JSON object")
    #expect(report.findings.first?.found == "a list")
  }

  @Test func answerFileThatIsNotJsonIsOneFinding() async throws {
    let report = try await check("{ q1: c }")
    #expect(report.findings.count == 1)
    #expect(report.findings.first?.message.hasPrefix("'answers.json' is not valid JSON") == true)
  }

  @Test(arguments: [
    (
      #"[{"id": "q1", "prompt": "p", "answer": "a", "feedback": "f"}, {"id": "q1", "prompt": "p", "answer": "a", "feedback": "f"}]"#,
      "used twice"
    ),
    (
      #"[{"id": "q1", "prompt": "p", "choices": ["a"], "answer": "b", "feedback": "f"}]"#,
      "not one of its choices"
    ),
    (#"[]"#, "\"questions\" is empty"),
    (#"[{"id": "q1", "prompt": "p", "answer": 3, "feedback": "f"}]"#, "must be a string"),
    (#"[{"id": "q1", "answer": "a", "feedback": "f"}]"#, "prompt"),
  ])
  func badAnswerKeysAreRejected(questions: String, reason: String) throws {
    let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(questions.utf8))
    do {
      _ = try QuizChecker(parameters: ["file": "a.json", "questions": decoded], path: "e.json")
      Issue.record("accepted a bad key")
    } catch {
      #expect(error.errorDescription?.contains(reason) == true)
    }
  }
}
