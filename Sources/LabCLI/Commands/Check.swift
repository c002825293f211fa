import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab check <exercise>`: judges the learner's answer and records the attempt.
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your answer to an exercise.",
      discussion: """
        Runs the exercise's checker on your answer files and prints each finding with what was \
        expected, what was found and where. Exits 0 when the answer passes, 1 when it does not. \
        '--format json' prints the result for scripts (the schema is in the README).

        Example: aep-lab check exercise-11
        """)

    @Argument(help: "The exercise id, for example 'exercise-11'.")
    var exercise: String

    @OptionGroup var output: FormatOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let (module, exercise) = try session.exercise(self.exercise)
      let (report, record) = try await ExerciseRun.check(exercise, in: module, session: session)
      if output.format == .json {
        console.line(
          CheckReportView.json(report, record: record, exercise: exercise, module: module)
            .serialized(pretty: true))
      } else {
        console.write(
          CheckReportView.render(report, record: record, exercise: exercise, console: console))
        if report.isPassed {
          let progress = try session.progress(module)
          console.line(ProgressView.nextStep(module, progress: progress, console: console))
        }
      }
      if !report.isPassed { throw ExitCode.failure }
    }
  }
}
