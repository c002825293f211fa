import Foundation
import Testing

@testable import LabCLI

/// Printed `aep-lab ...` commands work as printed when only `bin/aep-lab` exists.
@Suite struct CommandSpellingTests {
  let spelling = CommandSpelling(program: "bin/aep-lab", commands: ["lesson", "check", "start"])

  @Test(arguments: [
    ("Run 'aep-lab lesson next'.", "Run 'bin/aep-lab lesson next'."),
    ("aep-lab start module3", "bin/aep-lab start module3"),
    ("Try `aep-lab check exercise-11`", "Try `bin/aep-lab check exercise-11`"),
    ("Example: aep-lab --help", "Example: bin/aep-lab --help"),
    ("USAGE: aep-lab <subcommand>", "USAGE: bin/aep-lab <subcommand>"),
    ("\u{1B}[1maep-lab lesson\u{1B}[0m", "\u{1B}[1mbin/aep-lab lesson\u{1B}[0m"),
    (
      "aep-lab is a course; see ~/.config/aep-lab/ and bin/aep-lab start",
      "aep-lab is a course; see ~/.config/aep-lab/ and bin/aep-lab start"
    ),
    ("x-aep-lab check", "x-aep-lab check"),
  ])
  func commandsAreRespeltAndProseIsNot(text: String, expected: String) {
    #expect(spelling.apply(to: text) == expected)
  }

  @Test func withoutTheVariableNothingChanges() {
    #expect(CommandSpelling.from(environment: [:]) == nil)
    #expect(CommandSpelling.from(environment: ["AEP_LAB_PROGRAM": "aep-lab"]) == nil)
    #expect(CommandSpelling.from(environment: ["AEP_LAB_PROGRAM": "bin/aep-lab"]) != nil)
  }

  @Test func messagesUseTheProgramNameOnlyWhenItIsSet() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let plain = await course.run(["reset"])
    #expect(plain.error.contains("('aep-lab reset exercise-11')"))
    let spelt = await course.run(["reset"], environment: ["AEP_LAB_PROGRAM": "bin/aep-lab"])
    #expect(spelt.error.contains("('bin/aep-lab reset exercise-11')"))
    let help = await course.run(
      ["lesson", "--help"], environment: ["AEP_LAB_PROGRAM": "bin/aep-lab"])
    #expect(help.output.contains("Examples: bin/aep-lab lesson"))
  }

  @Test func checkFindingsAndLessonsUseTheProgramName() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let program = ["AEP_LAB_PROGRAM": "./bin/aep-lab"]
    _ = await course.run(["start", "mini"], environment: program)
    try course.write("Exercises/mini/exercise-1/answers.json", "{}")
    let check = await course.run(["check", "exercise-1"], environment: program)
    #expect(check.output.contains("./bin/aep-lab hint exercise-1"))
    #expect(!check.output.contains(" aep-lab hint"))
  }

  @Test func startTipsToPutBinOnPathOnceAndOnlyWhenNeeded() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let program = ["AEP_LAB_PROGRAM": "bin/aep-lab"]
    let first = await course.run(["start", "mini"], environment: program)
    #expect(first.output.contains("put its folder on PATH: export PATH="))
    let again = await course.run(["start", "mini"], environment: program)
    #expect(!again.output.contains("export PATH="))
    let other = try CourseSandbox()
    defer { other.remove() }
    let onPath = await other.run(["start", "mini"])
    #expect(!onPath.output.contains("export PATH="))
  }

  @Test func theTipSaysPWDFromTheRootAndTheFullPathElsewhere() {
    let root = URL(fileURLWithPath: "/tmp/course")
    let environment = ["AEP_LAB_PROGRAM": "bin/aep-lab"]
    #expect(
      AEPLab.Start.pathTip(root: root, environment: environment, currentDirectory: "/tmp/course")?
        .hasSuffix(#"export PATH="$PWD/bin:$PATH""#) == true)
    #expect(
      AEPLab.Start.pathTip(root: root, environment: environment, currentDirectory: "/home")?
        .hasSuffix(#"export PATH="/tmp/course/bin:$PATH""#) == true)
    #expect(AEPLab.Start.pathTip(root: root, environment: [:]) == nil)
  }
}
