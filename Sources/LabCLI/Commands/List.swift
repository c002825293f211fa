import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab list`: every module with its lessons and exercises.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the modules, their lessons and exercises.",
      discussion: """
        Marks the current module and lesson, and each exercise as passed, pending or revealed. \
        '--format json' prints the same for scripts (the schema is in the README).

        Example: aep-lab list
        """)

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let current = try? session.store.currentModule()
      var documents: [JSONValue] = []
      for module in session.course.modules {
        let progress = try session.progress(module)
        let isCurrent = current == module.id
        if output.format == .json {
          documents.append(ProgressView.json(module, progress: progress, isCurrent: isCurrent))
          continue
        }
        let marker = isCurrent ? console.styled("  (current)", .cyan) : ""
        console.line(console.styled("\(module.id): \(module.title)", .bold) + marker)
        console.write(ProgressView.lessons(module, progress: progress, console: console))
        console.write(ProgressView.exercises(module, progress: progress, console: console))
        console.line(ProgressView.bar(module, progress: progress))
        console.line()
      }
      if output.format == .json {
        console.line(JSONValue.object(["modules": .array(documents)]).serialized(pretty: true))
      } else if session.course.modules.isEmpty {
        console.line("No modules found under '\(session.workspace.contentRoot.path)/Modules'.")
      }
    }
  }
}
