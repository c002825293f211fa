import Foundation
import Testing

@testable import Curriculum

@Suite struct ContentValidatorTests {
  /// The problem lines after `change` is applied to a fresh copy of the mini course.
  func problems(after change: (FixtureCourse) throws -> Void) async throws -> [String] {
    let course = try FixtureCourse()
    defer { course.remove() }
    try change(course)
    return await ContentValidator().validate(root: course.root).problems.map(\.description)
  }

  @Test func theFixtureCourseIsClean() async throws {
    #expect(try await problems { _ in }.isEmpty)
  }

  @Test func theRealContentIsClean() async {
    // Curriculum knows only its own checkers; the engine's ('journey', 'pql-audience', ...) live
    // in CourseChecks, and DevCheckCommandTests judges those exercises with the full registry.
    let engineKinds = [
      "journey", "identities", "profile-facts", "pql-audience", "segment-job", "profile-request",
      "events-request", "segment-definition", "segment-export",
    ]
    let result = await ContentValidator().validate(root: FixtureCourse.repositoryRoot)
    let problems = result.problems.map(\.description).filter { problem in
      !engineKinds.contains { problem.contains("names checker kind '\($0)'") }
    }
    #expect(problems == [])
    #expect(result.exerciseCount >= 1)
  }

  static let exercise = "Exercises/mini/exercise-1"
  static let manifest = "Exercises/mini/exercise-1/exercise.json"

  @Test(
    arguments: [
      (
        "unsupported formatVersion", "Modules/mini/module.json", #""formatVersion": 1"#,
        #""formatVersion": 2"#,
        "Modules/mini/module.json: has formatVersion 2, but this aep-lab reads formatVersion 1. Update aep-lab"
      ),
      (
        "duplicate exercise id", "Modules/mini/module.json", #""exercise-1", "exercise-2""#,
        #""exercise-1", "exercise-2", "exercise-1""#,
        "Modules/mini/module.json: lists exercise 'exercise-1' twice. Keep one entry"
      ),
      (
        "id differs from folder", manifest, #""id": "exercise-1""#, #""id": "exercise-7""#,
        "Exercises/mini/exercise-1/exercise.json: says id 'exercise-7' in module 'mini' but lives in"
      ),
      (
        "missing dataset", "Exercises/mini/exercise-2/exercise.json", #""datasets": ["tiny"]"#,
        #""datasets": ["huge"]"#,
        "Exercises/mini/exercise-2/exercise.json: uses dataset 'huge', which does not exist. Add 'datasets/huge/'"
      ),
      (
        "unknown checker", manifest, #""kind": "quiz""#, #""kind": "pql-audience""#,
        "Exercises/mini/exercise-1/exercise.json: names checker kind 'pql-audience', which this aep-lab does not have"
      ),
      (
        "bad checker parameters", manifest, #""answer": "b""#, #""answer": "z""#,
        "the answer 'z' is not one of its choices"
      ),
      (
        "too few hints", manifest, #"["First hint.", "Second hint.", "Third hint."]"#,
        #"["Only one."]"#,
        "Exercises/mini/exercise-1/exercise.json: has 1 hint. Add at least 2 non-empty strings to \"hints\"."
      ),
      (
        "README without TODO", "Exercises/mini/exercise-1/README.md", "TODO:", "Do:",
        "Exercises/mini/exercise-1/README.md: has no 'TODO'. Mark where the learner acts with 'TODO:'."
      ),
      (
        "answer file not listed", manifest, #""answerFiles": ["answers.json"]"#,
        #""answerFiles": ["answers.json", "more.json"]"#,
        "Exercises/mini/exercise-1/more.json: is listed in \"answerFiles\" but missing"
      ),
      (
        "starter passes", "Exercises/mini/exercise-1/starter/answers.json",
        "\"q1\": \"\",\n  \"q2\": \"\"", "\"q1\": \"b\",\n  \"q2\": true",
        "Exercises/mini/exercise-1/starter: the starter passes its own check"
      ),
      (
        "solution fails", "Exercises/mini/exercise-1/solution/answers.json", #""q1": "b""#,
        #""q1": "a""#,
        "Exercises/mini/exercise-1/solution: the solution fails its check (Question 'q1' is not right."
      ),
      (
        "checker reads an unlisted file", manifest, #""file": "answers.json""#,
        #""file": "other.json""#,
        "has a checker that reads 'other.json', which is not in \"answerFiles\""
      ),
    ] as [(String, String, String, String, String)])
  func eachRuleNamesTheFileAndTheFix(
    rule: String, file: String, old: String, new: String, expected: String
  ) async throws {
    let lines = try await problems { try $0.edit(file, replacing: old, with: new) }
    #expect(lines.contains { $0.contains(expected) }, "\(rule): \(lines)")
  }

  @Test func aSolvedWorkingCopyIsNotAProblem() async throws {
    let lines = try await problems { course in
      for (exercise, file) in [("exercise-1", "answers.json"), ("exercise-2", "segment.json")] {
        let folder = "Exercises/mini/\(exercise)"
        try course.write("\(folder)/\(file)", try course.text("\(folder)/solution/\(file)"))
      }
    }
    #expect(lines == [])
  }

  @Test func theStarterFolderIsJudgedNotTheWorkingCopy() async throws {
    let lines = try await problems { course in
      let folder = "Exercises/mini/exercise-1"
      try course.write("\(folder)/answers.json", try course.text("\(folder)/solution/answers.json"))
      try course.write(
        "\(folder)/starter/answers.json", try course.text("\(folder)/solution/answers.json"))
    }
    #expect(
      lines == [
        "Exercises/mini/exercise-1/starter: the starter passes its own check. Make the starter "
          + "incomplete (leave the TODO for the learner)."
      ])
  }

  @Test func starterAndSolutionHoldExactlyTheAnswerFiles() async throws {
    let lines = try await problems { course in
      try course.delete("Exercises/mini/exercise-2/starter/segment.json")
      try course.write("Exercises/mini/exercise-1/starter/notes.txt", "x")
    }
    #expect(
      lines.contains { $0.hasPrefix("Exercises/mini/exercise-2/starter/segment.json: is missing") })
    #expect(
      lines.contains {
        $0.hasPrefix(
          "Exercises/mini/exercise-1/starter/notes.txt: is a stray file (starter/ holds only")
      })
  }

  @Test func strayFilesAreReportedWhereverTheyAre() async throws {
    let lines = try await problems { course in
      try course.write("Exercises/mini/exercise-1/notes.txt", "x")
      try course.write("Exercises/mini/exercise-1/solution/extra.json", "{}")
      try course.write("Modules/mini/03-draft.md", "# Draft")
      try course.write("Exercises/mini/README.txt", "x")
    }
    #expect(
      lines.contains { $0.hasPrefix("Exercises/mini/exercise-1/notes.txt: is a stray file.") })
    #expect(
      lines.contains {
        $0.hasPrefix("Exercises/mini/exercise-1/solution/extra.json: is a stray file")
      })
    #expect(lines.contains { $0.hasPrefix("Modules/mini/03-draft.md: is a stray file") })
    #expect(lines.contains { $0.hasPrefix("Exercises/mini/README.txt: is a stray file.") })
  }

  @Test func exercisesMustBelongToAModuleThatListsThem() async throws {
    let lines = try await problems { course in
      try course.write("Exercises/mini/exercise-3/exercise.json", "{}")
      try course.write("Exercises/other/exercise-1/exercise.json", "{}")
      try course.delete("Exercises/mini/exercise-2")
    }
    #expect(
      lines.contains {
        $0.hasPrefix(
          "Exercises/mini/exercise-3: is not listed in 'Modules/mini/module.json'. Add \"exercise-3\""
        )
      })
    #expect(lines.contains { $0.hasPrefix("Exercises/other: belongs to no module.") })
    #expect(
      lines.contains {
        $0.hasPrefix("Modules/mini/module.json: lists exercise 'exercise-2', which has no folder.")
      })
  }

  @Test func lessonsMustExistAndHaveAHeading() async throws {
    let lines = try await problems { course in
      try course.write("Modules/mini/01-first.md", "No heading here.\n")
      try course.delete("Modules/mini/02-second.md")
    }
    #expect(lines.contains { $0.hasPrefix("Modules/mini/01-first.md: has no '# ' heading.") })
    #expect(lines.contains { $0.hasPrefix("Modules/mini/02-second.md: is missing.") })
  }

  @Test func aManifestThatIsNotJsonIsOneProblemAndTheRestIsStillChecked() async throws {
    let lines = try await problems { course in
      try course.write("Exercises/mini/exercise-1/exercise.json", "{ nope")
      try course.write("Exercises/mini/exercise-2/README.md", "# no marker")
    }
    #expect(
      lines.contains { $0.hasPrefix("Exercises/mini/exercise-1/exercise.json: is not valid JSON") })
    #expect(lines.contains { $0.hasPrefix("Exercises/mini/exercise-2/README.md: has no 'TODO'.") })
  }
}
