import Curriculum
import Foundation
import LabCore
import Persistence

/// The shared text and JSON views of a module's progress, used by `start`, `status` and `list`.
enum ProgressView {
  /// A status word, coloured when the console has colour.
  static func label(_ status: ExerciseStatus, console: Console) -> String {
    switch status {
    case .passed: return console.styled("passed", .green)
    case .revealed: return console.styled("revealed", .yellow)
    case .pending: return "pending"
    }
  }

  /// The lessons with a marker on the current one.
  static func lessons(_ module: TrainingModule, progress: ModuleProgress, console: Console)
    -> String
  {
    let current = progress.clampedLesson(in: module)
    var text = console.styled("Lessons", .bold) + "\n"
    for lesson in module.lessons {
      let marker = lesson.number == current ? console.styled("  ← you are here", .cyan) : ""
      text += "  \(lesson.number). \(lesson.title)\(marker)\n"
    }
    return text
  }

  /// The exercises table with status, attempts and hints.
  static func exercises(_ module: TrainingModule, progress: ModuleProgress, console: Console)
    -> String
  {
    guard !module.exercises.isEmpty else { return "No exercises yet.\n" }
    var table = TextTable(headers: ["EXERCISE", "TITLE", "STATUS", "ATTEMPTS", "HINTS"])
    for exercise in module.exercises {
      let record = progress.progress(of: exercise.id)
      table.append([
        exercise.id, exercise.title, label(record.status, console: console),
        String(record.attempts), "\(record.hintsShown)/\(exercise.hints.count)",
      ])
    }
    return console.styled("Exercises", .bold) + "\n" + table.rendered(console: console)
  }

  /// The progress bar line, for example `Progress [######....]  50% 1/2`.
  ///
  /// The bar counts passed exercises; revealed ones are named after it.
  static func bar(_ module: TrainingModule, progress: ModuleProgress) -> String {
    let counts = progress.counts(in: module)
    let line = ProgressBar.render("Progress", counts[.passed] ?? 0, module.exercises.count)
    let revealed = counts[.revealed] ?? 0
    return revealed == 0 ? line : line + " passed, \(revealed) revealed"
  }

  /// What to type next.
  static func nextStep(_ module: TrainingModule, progress: ModuleProgress, console: Console)
    -> String
  {
    if let next = progress.nextExercise(in: module) {
      return "Next: read the task in '\(next.relativePath)/README.md', then run "
        + console.styled("aep-lab check \(next.id)", .cyan) + "."
    }
    let revealed = progress.counts(in: module)[.revealed] ?? 0
    guard revealed > 0 else {
      return console.styled(
        "Every exercise of \(module.id) has passed: the module is complete.", .green)
    }
    return "Every exercise of \(module.id) is passed or revealed, so the module is complete; "
      + "\(revealed) of them by revealing the solution ('aep-lab status' lists which)."
  }

  /// One exercise's record as JSON.
  static func json(_ exercise: Exercise, _ record: ExerciseProgress) -> JSONValue {
    [
      "id": .string(exercise.id),
      "title": .string(exercise.title),
      "status": .string(record.status.rawValue),
      "attempts": .number(Double(record.attempts)),
      "hintsShown": .number(Double(record.hintsShown)),
      "hintCount": .number(Double(exercise.hints.count)),
      "lastAttemptAt": record.lastAttemptAt.map { .string(timestamp($0)) } ?? .null,
      "completedAt": record.completedAt.map { .string(timestamp($0)) } ?? .null,
    ]
  }

  /// A module's progress as JSON (the `status --format json` document).
  static func json(_ module: TrainingModule, progress: ModuleProgress, isCurrent: Bool)
    -> JSONValue
  {
    let counts = progress.counts(in: module)
    let lesson = progress.clampedLesson(in: module)
    return [
      "module": .string(module.id),
      "title": .string(module.title),
      "current": .bool(isCurrent),
      "startedAt": progress.startedAt.map { .string(timestamp($0)) } ?? .null,
      "currentLesson": .number(Double(lesson)),
      "lessons": .array(
        module.lessons.map {
          ["number": .number(Double($0.number)), "title": .string($0.title)]
        }),
      "exercises": .array(
        module.exercises.map { json($0, progress.progress(of: $0.id)) }),
      "counts": [
        "total": .number(Double(module.exercises.count)),
        "passed": .number(Double(counts[.passed] ?? 0)),
        "revealed": .number(Double(counts[.revealed] ?? 0)),
        "pending": .number(Double(counts[.pending] ?? 0)),
      ],
      "nextExercise": progress.nextExercise(in: module).map { .string($0.id) } ?? .null,
    ]
  }

  /// An ISO 8601 timestamp in UTC.
  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }
}
