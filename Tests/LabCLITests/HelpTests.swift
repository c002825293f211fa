import ArgumentParser
import Testing

@testable import LabCLI

@Suite struct HelpTests {
  static let commands: [any ParsableCommand.Type] =
    AEPLab.learnCommands + AEPLab.helpCommands + AEPLab.Dev.subcommands

  @Test func everyRunnerCommandsHelpHasAnExample() {
    for command in Self.commands {
      #expect(
        command.configuration.discussion.contains("Example"), "\(command._commandName)")
      #expect(command.configuration.abstract.hasSuffix("."), "\(command._commandName)")
    }
  }

  @Test func helpListsTheLearnCommandsInTheirGroup() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["--help"])
    #expect(result.code == 0)
    #expect(result.output.contains("LEARN SUBCOMMANDS:"))
    #expect(result.output.contains("start"))
    #expect(result.output.contains("doctor"))
  }
}
