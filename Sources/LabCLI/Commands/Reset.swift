import ArgumentParser
import Curriculum
import Foundation
import LabCore
import Persistence

extension AEPLab {
  /// `aep-lab reset <exercise>|--all`: puts starter files back and forgets progress.
  struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Restore an exercise's starter files and reset its progress.",
      discussion: """
        Your answer files are replaced by the starter and the exercise becomes pending again \
        (attempts and hints start over). '--all' does this for every exercise of the current \
        module and returns you to lesson 1. Asks for confirmation unless '--yes' is given.

        Examples: aep-lab reset exercise-11 --yes      aep-lab reset --all
        """)

    @Argument(help: "The exercise id, for example 'exercise-11'.")
    var exercise: String?

    @Flag(help: "Reset every exercise of the current module and its progress.")
    var all = false

    @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if exercise == nil, !all {
        throw ValidationError(
          "Name an exercise ('aep-lab reset exercise-11') or pass '--all' for the whole module.")
      }
      if exercise != nil, all {
        throw ValidationError("Give either an exercise or '--all', not both.")
      }
    }

    func run() async throws {
      let console = Console.current
      let session = try LearnSession.open(workspace)
      let module: TrainingModule
      let exercises: [Exercise]
      if let id = exercise {
        let (found, exercise) = try session.exercise(id, keepingStarter: false)
        (module, exercises) = (found, [exercise])
      } else {
        module = try session.module()
        exercises = module.exercises
      }
      let what =
        all
        ? "every exercise of \(module.id) and your progress in it"
        : "'\(exercises.map(\.id).joined())'"
      let command = all ? "aep-lab reset --all --yes" : "aep-lab reset \(exercise ?? "") --yes"
      guard
        try Confirmation.ask(
          "Reset \(what)? Your answer files will be replaced by the starter.", yesCommand: command,
          assumeYes: yes, console: console)
      else {
        console.line("Nothing was changed.")
        return
      }
      for exercise in exercises {
        let restored = try restore(exercise, in: module, session: session)
        console.line(
          "Restored \(restored.joined(separator: ", ")) of \(exercise.id) to the starter.")
      }
      do {
        if all {
          try session.store.resetModule(moduleID: module.id)
        } else {
          for exercise in exercises {
            try session.store.resetExercise(moduleID: module.id, exerciseID: exercise.id)
          }
        }
      } catch {
        throw LabFailure(error)
      }
      console.line(
        all
          ? "Progress in \(module.id) is reset; 'aep-lab lesson 1' starts again."
          : "Its progress is reset: pending, no attempts, hints from the first again.")
    }

    private func restore(_ exercise: Exercise, in module: TrainingModule, session: LearnSession)
      throws(LabFailure) -> [String]
    {
      // The starter as shipped in starter/; the copy kept in the state file is the fallback
      // for content without that folder.
      var kept = exercise.hasStarterFolder ? Submission.starter(of: exercise).files : [:]
      if kept.count < exercise.manifest.answerFiles.count {
        do {
          let stored = try session.store.starterFiles(
            moduleID: module.id, exerciseID: exercise.id)
          kept.merge(stored) { shipped, _ in shipped }
        } catch {
          throw LabFailure(error)
        }
      }
      var restored: [String] = []
      for name in exercise.manifest.answerFiles {
        guard let data = kept[name] else {
          throw LabFailure.domain(
            "No copy of the starter '\(exercise.answerPath(name))' was kept, so it cannot be "
              + "restored here. Restore it from git with 'git checkout -- \(exercise.answerPath(name))'."
          )
        }
        do {
          try data.write(to: exercise.answerURL(name), options: .atomic)
        } catch {
          throw LabFailure(
            CurriculumError.writeFailed(
              path: exercise.answerPath(name), reason: error.localizedDescription))
        }
        restored.append(name)
      }
      return restored
    }
  }
}
