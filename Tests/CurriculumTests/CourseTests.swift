import Foundation
import Testing

@testable import Curriculum

@Suite struct CourseTests {
  @Test func loadsModulesLessonsAndExercisesInManifestOrder() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    let loaded = try Course.load(from: course.root)
    let module = try loaded.module("mini")
    #expect(module.title == "Mini course")
    #expect(module.lessons.map(\.title) == ["First lesson", "Second lesson"])
    #expect(module.exercises.map(\.id) == ["exercise-1", "exercise-2"])
    #expect(try module.exercise("exercise-2").manifest.datasets == ["tiny"])
  }

  @Test func unknownModuleSuggestsTheNearestId() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    let loaded = try Course.load(from: course.root)
    #expect(throws: CurriculumError.unknownModule(id: "mni", suggestion: "mini", known: ["mini"])) {
      try loaded.module("mni")
    }
  }

  @Test func unknownExerciseListsTheValidIds() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    let module = try Course.load(from: course.root).module("mini")
    let error = CurriculumError.unknownExercise(
      id: "exercise-12", module: "mini", suggestion: "exercise-1",
      known: ["exercise-1", "exercise-2"])
    #expect(throws: error) { try module.exercise("exercise-12") }
  }

  @Test func missingFieldNamesTheFieldAndTheFix() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    try course.edit(
      "Exercises/mini/exercise-1/exercise.json", replacing: #""title": "Two questions","#, with: "")
    let error = CurriculumError.invalidManifest(
      path: "Exercises/mini/exercise-1/exercise.json", reason: "has no field 'title'",
      fix: "Add \"title\" to it (see CONTRIBUTING.md for the format).")
    #expect(throws: error) { try Course.load(from: course.root) }
  }

  @Test func wrongTypeSaysWhatItShouldBe() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    try course.edit(
      "Exercises/mini/exercise-1/exercise.json", replacing: #""hints": ["#,
      with: #""hints": "not a list", "x": ["#)
    let error = CurriculumError.invalidManifest(
      path: "Exercises/mini/exercise-1/exercise.json", reason: "has a wrong value at 'hints'",
      fix: "It should be an array.")
    #expect(throws: error) { try Course.load(from: course.root) }
  }

  @Test func syntaxErrorGivesLineAndColumn() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    try course.write("Modules/mini/module.json", "{\n  \"formatVersion\": 1\n  \"id\": \"mini\"\n}")
    do {
      _ = try Course.load(from: course.root)
      Issue.record("a broken manifest loaded")
    } catch {
      #expect(error.errorDescription?.contains("is not valid JSON") == true)
      #expect(error.errorDescription?.contains("line 3") == true)
    }
  }

  @Test func folderAndIdMustAgree() throws {
    let course = try FixtureCourse()
    defer { course.remove() }
    try course.edit("Modules/mini/module.json", replacing: #""id": "mini""#, with: #""id": "maxi""#)
    #expect(throws: CurriculumError.self) { try Course.load(from: course.root) }
  }

  @Test func everyErrorMessageEndsWithAFix() {
    let errors: [CurriculumError] = [
      .missingFile(path: "a.md", fix: "Create it."),
      .unreadableFile(path: "a.md", reason: "permission denied"),
      .unsupportedFormatVersion(path: "m.json", found: 0, supported: 1...1),
      .unknownLesson(number: 4, module: "m", count: 2),
      .unknownCheckerKind(kind: "x", path: "e.json", known: ["quiz"]),
      .writeFailed(path: "a.json", reason: "disk full"),
    ]
    for error in errors {
      let text = error.errorDescription ?? ""
      #expect(text.hasSuffix("."))
      #expect(text.count > 20)
    }
    #expect(
      CurriculumError.unsupportedFormatVersion(path: "m.json", found: 0, supported: 1...1)
        .errorDescription?.contains("Set \"formatVersion\" to 1.") == true)
  }
}
