/// Where a learner stands on one exercise.
public enum ExerciseStatus: String, Codable, Sendable, CaseIterable {
  /// Not passed yet (it may have failed attempts).
  case pending
  /// The learner's answer passed its check.
  case passed
  /// The learner gave up and saw the solution before passing.
  case revealed
}
