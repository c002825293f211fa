import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab lesson [n|next|prev]`: shows a lesson of the current module.
  struct Lesson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a lesson of the current module.",
      discussion: """
        Without an argument it shows the lesson you are on. Long lessons open in your pager \
        ($PAGER, else 'less -R') when the output is a terminal. '--format json' prints \
        {"module", "number", "count", "title", "file", "markdown"} instead.

        Examples: aep-lab lesson      aep-lab lesson next      aep-lab lesson 2
        """)

    @Argument(help: "A lesson number, 'next' or 'prev'. Default: the lesson you are on.")
    var which: String?

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard let which, Int(which) == nil, !["next", "prev", "previous"].contains(which) else {
        return
      }
      if OutputFormat(rawValue: which) != nil {
        throw ValidationError(
          "'\(which)' is a format, not a lesson; write '--format \(which)' before or after the "
            + "lesson, for example 'aep-lab lesson 2 --format \(which)'.")
      }
      throw ValidationError(
        "'\(which)' is not a lesson; use a number, 'next' or 'prev' (for example "
          + "'aep-lab lesson 2').")
    }

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let module = try session.module()
      let progress = try session.progress(module)
      let current = progress.startedAt == nil ? 1 : progress.clampedLesson(in: module)
      let target: Int
      switch which {
      case nil: target = current
      case "next":
        guard current < module.lessons.count else {
          console.line(
            "Lesson \(current) is the last lesson of \(module.id). "
              + ProgressView.nextStep(module, progress: progress, console: console))
          return
        }
        target = current + 1
      case "prev", "previous":
        guard current > 1 else {
          console.line("You are on the first lesson; 'aep-lab lesson' shows it again.")
          return
        }
        target = current - 1
      default:
        target = Int(which ?? "") ?? current
      }
      let lesson: Curriculum.Lesson
      do {
        lesson = try module.lesson(target)
        try session.store.setCurrentLesson(target, moduleID: module.id)
      } catch {
        throw LabFailure(error)
      }
      if output.format == .json {
        let document: JSONValue = [
          "module": .string(module.id), "number": .number(Double(lesson.number)),
          "count": .number(Double(module.lessons.count)), "title": .string(lesson.title),
          "file": .string(lesson.fileName), "markdown": .string(lesson.markdown),
        ]
        console.line(document.serialized(pretty: true))
        return
      }
      Pager.show(
        LessonView.render(lesson, of: module, console: console), console: console,
        environment: LabEnvironment.current)
    }
  }
}
