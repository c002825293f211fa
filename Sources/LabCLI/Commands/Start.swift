import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence
import Sandbox

extension AEPLab {
  /// `aep-lab start <module>`: the one command a new learner types.
  struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start (or resume) a training module.",
      discussion: """
        Creates your progress on first use, shows the module's overview, the lesson you are on, \
        and its lessons and exercises with their status.

        Example: aep-lab start module3
        """)

    @Argument(help: "The module to start, for example 'module3'. Default: the current one.")
    var module: String?

    @OptionGroup var workspace: WorkspaceOptions

    /// The one-line tip to put `bin` on `PATH`, when aep-lab was started as `bin/aep-lab`
    /// (`AEP_LAB_PROGRAM` set) rather than found on `PATH`.
    static func pathTip(
      root: URL, environment: [String: String] = LabEnvironment.current,
      currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
      guard CommandSpelling.from(environment: environment) != nil else { return nil }
      let bin =
        URL(fileURLWithPath: currentDirectory).standardizedFileURL.path
          == root.standardizedFileURL.path
        ? "$PWD/bin" : root.appendingPathComponent("bin").path
      return "Tip: to type 'aep-lab' instead of the path, put its folder on PATH: "
        + "export PATH=\"\(bin):$PATH\""
    }

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let module = try session.module(self.module)
      let started: (progress: ModuleProgress, isNew: Bool)
      do {
        started = try session.store.start(moduleID: module.id)
      } catch {
        throw LabFailure(error)
      }
      session.keepStarters(of: module.exercises, in: module)
      let loaded = try DemoDataLoader.loadIfEmpty(session.workspace)
      let progress = started.progress
      let renderer = MarkdownRenderer(console: console)
      var text = ""
      if started.isNew {
        text += renderer.render(module.overview) + "\n"
      } else {
        text += console.styled("Welcome back to \(module.title) (\(module.id)).", .bold) + "\n\n"
      }
      if let loaded {
        text +=
          console.styled("Demo data loaded: ", .bold)
          + "\(loaded.accepted) Luma records in \(loaded.batches.count) datasets are in your "
          + "sandbox ('aep-lab datasets' lists them).\n\n"
      }
      if !module.lessons.isEmpty {
        let lesson = module.lessons[progress.clampedLesson(in: module) - 1]
        text += LessonView.render(lesson, of: module, console: console) + "\n"
      }
      text += ProgressView.lessons(module, progress: progress, console: console) + "\n"
      text += ProgressView.exercises(module, progress: progress, console: console)
      text += ProgressView.bar(module, progress: progress) + "\n\n"
      text += ProgressView.nextStep(module, progress: progress, console: console) + "\n"
      if started.isNew, let tip = Self.pathTip(root: session.workspace.contentRoot) {
        text += "\n" + console.styled(tip, .dim) + "\n"
      }
      Pager.show(text, console: console, environment: LabEnvironment.current)
    }
  }
}
