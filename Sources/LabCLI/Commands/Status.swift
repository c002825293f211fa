import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab status`: where the learner is in the current module.
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show your progress in the current module.",
      discussion: """
        Lists the module's exercises as passed, pending or revealed, with attempts and hints, the \
        lesson you are on, and a progress bar. '--format json' prints the same for scripts (the \
        schema is in the README).

        Example: aep-lab status --format json
        """)

    @Option(help: "A module other than the current one.")
    var module: String?

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let module = try session.module(self.module)
      let progress = try session.progress(module)
      let current = (try? session.store.currentModule()) == module.id
      if output.format == .json {
        console.line(
          ProgressView.json(module, progress: progress, isCurrent: current).serialized(
            pretty: true))
        return
      }
      console.line(console.styled("\(module.title) (\(module.id))", .bold))
      if progress.startedAt == nil {
        console.line("Not started yet: run 'aep-lab start \(module.id)'.")
      }
      if !module.lessons.isEmpty {
        let lesson = module.lessons[progress.clampedLesson(in: module) - 1]
        console.line("Lesson \(lesson.number) of \(module.lessons.count): \(lesson.title)")
      }
      console.line()
      console.write(ProgressView.exercises(module, progress: progress, console: console))
      console.line(ProgressView.bar(module, progress: progress))
      console.line()
      console.line(ProgressView.nextStep(module, progress: progress, console: console))
    }
  }
}
