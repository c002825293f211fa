import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab watch`: re-checks the current exercise whenever its answer files change.
  struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-check the current exercise each time you save its answer files.",
      discussion: """
        Checks the first exercise still pending, then again whenever one of its answer \
        files changes; on a pass it moves on to the next exercise. Press Ctrl-C to stop.

        Example: aep-lab watch
        """)

    @Argument(help: "The exercise to start with. Default: the first one still pending.")
    var exercise: String?

    @Option(help: "Seconds between looks at the answer files.")
    var interval: Double = 1

    @Option(help: .hidden)
    var maxChecks: Int?

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      guard interval > 0, interval <= 60 else {
        throw ValidationError("'--interval' must be between 0 and 60 seconds, for example 0.5.")
      }
    }

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      var module: TrainingModule
      var current: Exercise?
      if let id = exercise {
        (module, current) = try session.exercise(id)
      } else {
        module = try session.module()
        current = try session.progress(module).nextExercise(in: module)
      }
      let stop = StopSignal()
      defer { stop.restore() }
      var checks = 0
      while let exercise = current, !stop.isRaised {
        session.keepStarters(of: [exercise], in: module)
        console.line(
          console.styled("Watching \(exercise.relativePath) (Ctrl-C to stop)", .dim))
        let (report, record) = try await ExerciseRun.check(exercise, in: module, session: session)
        checks += 1
        console.write(
          CheckReportView.render(report, record: record, exercise: exercise, console: console))
        if let maxChecks, checks >= maxChecks { return }
        if report.isPassed {
          let progress = try session.progress(module)
          current = progress.nextExercise(in: module)
          if let next = current { console.line("On to \(next.id): \(next.title).") }
          continue
        }
        let before = Self.stamps(of: exercise)
        while !stop.isRaised, Self.stamps(of: exercise) == before {
          try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
      }
      if stop.isRaised {
        console.line("Stopped watching.")
      } else {
        console.line(
          ProgressView.nextStep(module, progress: try session.progress(module), console: console))
      }
    }

    /// The modification time and size of each answer file, to notice saves.
    static func stamps(of exercise: Exercise) -> [String] {
      exercise.manifest.answerFiles.map { name in
        let attributes = try? FileManager.default.attributesOfItem(
          atPath: exercise.answerURL(name).path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        return "\(name):\(date):\(size)"
      }
    }
  }
}

/// Turns Ctrl-C into a flag the watch loop polls, so it ends cleanly instead of being killed.
final class StopSignal: @unchecked Sendable {
  // `raised` is guarded by `lock`; the dispatch source lives as long as the watch.
  private let lock = NSLock()
  private var raised = false
  private let source: any DispatchSourceSignal

  /// Starts catching SIGINT.
  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [weak self] in self?.raise() }
    source.resume()
  }

  /// Whether Ctrl-C was pressed.
  var isRaised: Bool { lock.withLock { raised } }

  private func raise() { lock.withLock { raised = true } }

  /// Gives SIGINT back its default meaning.
  func restore() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
