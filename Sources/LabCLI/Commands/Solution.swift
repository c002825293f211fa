import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab solution <exercise>`: the reference solution, once earned or given up for.
  struct Solution: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the reference solution of an exercise.",
      discussion: """
        Shown once your answer has passed. Before that, '--give-up' shows it and marks the \
        exercise as revealed (not passed) in your progress.

        Example: aep-lab solution exercise-11 --give-up
        """)

    @Argument(help: "The exercise id, for example 'exercise-11'.")
    var exercise: String

    @Flag(help: "Show it before passing; the exercise is then marked revealed.")
    var giveUp = false

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    /// What is left after revealing: the exercises still pending, or that the module is done.
    static func whatRemains(in module: TrainingModule, progress: ModuleProgress) -> String {
      let pending = module.exercises.filter { progress.progress(of: $0.id).status == .pending }
      guard let next = pending.first else {
        return "That was the last one: every exercise of \(module.id) is passed or revealed, so "
          + "the module is complete ('aep-lab status' shows how)."
      }
      let names = pending.map { "'\($0.id)'" }.joined(separator: ", ")
      return "Still to do in \(module.id): \(names); next, run 'aep-lab check \(next.id)'."
    }

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let (module, exercise) = try session.exercise(self.exercise)
      var record = try session.progress(module).progress(of: exercise.id)
      if record.status == .pending {
        guard giveUp else {
          throw LabFailure.domain(
            "'\(exercise.id)' has not passed yet, so its solution stays hidden. Try "
              + "'aep-lab hint \(exercise.id)', or run 'aep-lab solution \(exercise.id) "
              + "--give-up' to see it now (the exercise is then marked revealed, not passed).")
        }
        do {
          record = try session.store.recordReveal(moduleID: module.id, exerciseID: exercise.id)
        } catch {
          throw LabFailure(error)
        }
      }
      let files = Submission.solution(of: exercise).files
      if output.format == .json {
        var contents: [String: JSONValue] = [:]
        for (name, data) in files {
          contents[name] = .string(String(decoding: data, as: UTF8.self))
        }
        let document: JSONValue = [
          "exercise": .string(exercise.id), "status": .string(record.status.rawValue),
          "files": .object(contents),
        ]
        console.line(document.serialized(pretty: true))
        return
      }
      if record.status == .revealed {
        let progress = try session.progress(module)
        console.line(
          console.styled("\(exercise.id) is marked revealed.", .yellow)
            + " Compare the solution with your answer. "
            + Self.whatRemains(in: module, progress: progress))
      }
      for name in exercise.manifest.answerFiles {
        console.line()
        console.line(console.styled("\(exercise.relativePath)/solution/\(name)", .bold))
        let text = files[name].map { String(decoding: $0, as: UTF8.self) } ?? "(missing)\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
          console.line("    " + console.styled(String(line), .cyan))
        }
      }
    }
  }
}
