import Foundation

/// A learner's record on one module: when it started, the current lesson, and every exercise.
public struct ModuleProgress: Sendable, Equatable {
  /// The module id.
  public var moduleID: String
  /// When `start` first opened it; `nil` when it was never started.
  public var startedAt: Date?
  /// The lesson the learner is on, from 1.
  public var currentLesson: Int
  /// The recorded exercises by id; an exercise with no record is pending.
  public var exercises: [String: ExerciseProgress]

  /// Creates a record.
  public init(
    moduleID: String, startedAt: Date? = nil, currentLesson: Int = 1,
    exercises: [String: ExerciseProgress] = [:]
  ) {
    self.moduleID = moduleID
    self.startedAt = startedAt
    self.currentLesson = currentLesson
    self.exercises = exercises
  }

  /// The record of `exerciseID`, pending when there is none.
  public func progress(of exerciseID: String) -> ExerciseProgress {
    exercises[exerciseID] ?? ExerciseProgress(exerciseID: exerciseID)
  }

  /// The first exercise of `module`, in order, that is not done; `nil` when all are.
  public func nextExercise(in module: TrainingModule) -> Exercise? {
    module.exercises.first { !progress(of: $0.id).isDone }
  }

  /// How many of `module`'s exercises have each status.
  public func counts(in module: TrainingModule) -> [ExerciseStatus: Int] {
    var counts: [ExerciseStatus: Int] = [.pending: 0, .passed: 0, .revealed: 0]
    for exercise in module.exercises {
      counts[progress(of: exercise.id).status, default: 0] += 1
    }
    return counts
  }

  /// The current lesson, kept within `module`'s lessons.
  public func clampedLesson(in module: TrainingModule) -> Int {
    min(max(currentLesson, 1), max(module.lessons.count, 1))
  }
}
