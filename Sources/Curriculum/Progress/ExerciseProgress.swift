import Foundation

/// A learner's record on one exercise: status, attempts, hints, and when things happened.
///
/// The rules for how it changes live here, so the store only saves what they decide:
/// a pass is kept once earned; a revealed exercise stays revealed even if later checks pass;
/// hints are given in order, one per request.
public struct ExerciseProgress: Sendable, Equatable {
  /// The exercise id.
  public var exerciseID: String
  /// Pending, passed or revealed.
  public var status: ExerciseStatus
  /// How many times `check` judged it.
  public var attempts: Int
  /// How many of its hints have been shown (the next hint is `hints[hintsShown]`).
  public var hintsShown: Int
  /// When it was first checked.
  public var firstAttemptAt: Date?
  /// When it was last checked.
  public var lastAttemptAt: Date?
  /// When it passed or was revealed.
  public var completedAt: Date?

  /// Creates a record; a fresh one is pending with nothing done.
  public init(
    exerciseID: String, status: ExerciseStatus = .pending, attempts: Int = 0,
    hintsShown: Int = 0, firstAttemptAt: Date? = nil, lastAttemptAt: Date? = nil,
    completedAt: Date? = nil
  ) {
    self.exerciseID = exerciseID
    self.status = status
    self.attempts = attempts
    self.hintsShown = hintsShown
    self.firstAttemptAt = firstAttemptAt
    self.lastAttemptAt = lastAttemptAt
    self.completedAt = completedAt
  }

  /// Whether the learner is done with it (passed or revealed).
  public var isDone: Bool { status != .pending }

  /// The record after one check at `date`.
  public func recordingAttempt(passed: Bool, at date: Date) -> ExerciseProgress {
    var next = self
    next.attempts += 1
    next.firstAttemptAt = firstAttemptAt ?? date
    next.lastAttemptAt = date
    if passed, status == .pending {
      next.status = .passed
      next.completedAt = date
    }
    return next
  }

  /// The record after showing the next hint, when one of `hintCount` is left.
  public func recordingHint(of hintCount: Int) -> ExerciseProgress? {
    guard hintsShown < hintCount else { return nil }
    var next = self
    next.hintsShown += 1
    return next
  }

  /// The record after the learner gave up and saw the solution at `date`.
  public func recordingReveal(at date: Date) -> ExerciseProgress {
    guard status == .pending else { return self }
    var next = self
    next.status = .revealed
    next.completedAt = date
    return next
  }
}
