import CourseChecks
import Curriculum
import Foundation
import LabCore
import Persistence

/// Checks one exercise and records the attempt: what `check` and `watch` share.
enum ExerciseRun {
  /// The report of checking the learner's files, and the exercise's record after it.
  static func check(_ exercise: Exercise, in module: TrainingModule, session: LearnSession)
    async throws(LabFailure) -> (report: CheckReport, record: ExerciseProgress)
  {
    do {
      let report = try await CheckerRegistry.course.check(
        Submission.read(exercise), in: session.checkContext(for: module))
      let record = try session.store.recordAttempt(
        moduleID: module.id, exerciseID: exercise.id, passed: report.isPassed)
      return (report, record)
    } catch {
      throw LabFailure(error)
    }
  }
}
