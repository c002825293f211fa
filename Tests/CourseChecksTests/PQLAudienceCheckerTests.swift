import Curriculum
import Foundation
import Identities
import LabCore
import Sandbox
import Segmentation
import Testing

@testable import CourseChecks

@Suite struct PQLAudienceCheckerTests {
  static let reference =
    #"person.gender in ["male"] and CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("Montana Wind Jacket", false)))])"#

  static func check(_ answer: String) async throws -> CheckReport {
    let checker = try PQLAudienceChecker(
      parameters: ["file": "segment.pql", "reference": .string(reference), "streaming": true],
      path: "exercise.json")
    let exercise = Exercise(
      manifest: ExerciseManifest(
        id: "exercise-6", module: "module3", title: "t", answerFiles: ["segment.pql"],
        checker: CheckerSpec(kind: PQLAudienceChecker.kind), hints: []),
      folder: URL(fileURLWithPath: "/tmp"), relativePath: "Exercises/module3/exercise-6")
    let submission = Submission(
      exercise: exercise, folder: exercise.folder, displayFolder: exercise.relativePath,
      files: ["segment.pql": Data(answer.utf8)])
    return try await checker.check(
      submission, in: CheckContext(contentRoot: URL(fileURLWithPath: "/tmp"), moduleID: "module3"))
  }

  @Test(arguments: [
    #"person.gender = "male" and xEvent.exists(productListItems.exists(name.equals("MONTANA WIND JACKET", false)))"#,
    #"# a comment line first\nperson.gender in ["male"] and (select A from xEvent, B from A.productListItems where B.name.equals("montana wind jacket", false))"#,
    #"person.gender = "male" and CHAIN(xEvent, timestamp, [A: WHAT(productListItems.exists(name = "Montana Wind Jacket"))])"#,
  ])
  func correctAnswersWrittenDifferentlyPass(answer: String) async throws {
    let report = try await Self.check(answer.replacingOccurrences(of: "\\n", with: "\n"))
    #expect(report.isPassed, "\(report.findings.map(\.message))")
  }

  @Test func anAnswerThatListsTheVisibleMembersPassesTheDemoDataButNotTheVariant() async throws {
    // Given the members the reference selects on the demo data, listed by email...
    let demo = try DemoSandbox.make(seed: LumaDemoData.defaultSeed)
    let members = try demo.audience(expression: SegmentExpressionSource(value: Self.reference))
    let emails = members.compactMap { member in
      member.identities.first { $0.namespace == "Email" }?.id
    }
    #expect(emails.count == members.count)
    let listed =
      "personalEmail.address in [" + emails.map { "\"\($0)\"" }.joined(separator: ", ")
      + "]"
    // ...the list selects the same profiles on the demo data,
    let visible = try demo.audience(expression: SegmentExpressionSource(value: listed))
    #expect(visible.count == members.count)
    // but the check re-judges it on the unseen variant and fails, naming a profile.
    let report = try await Self.check(listed)
    #expect(!report.isPassed)
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("unseen variant"))
    #expect(finding.message.contains("person.gender"))
  }

  @Test func anInvalidExpressionShowsTheCaret() async throws {
    let report = try await Self.check(#"person.gender = "male" and ("#)
    #expect(report.findings.first?.message.contains("not valid PQL") == true)
    #expect(report.notes.first?.contains("^") == true)
  }

  @Test func aWrongAudienceNamesAProfileWronglyIn() async throws {
    let report = try await Self.check(#"person.gender = "male""#)
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("includes a profile it should leave out"))
  }
}
