import Foundation
import Testing

@testable import Curriculum

@Suite struct ExerciseProgressTests {
  let early = Date(timeIntervalSince1970: 1_000)
  let late = Date(timeIntervalSince1970: 2_000)

  @Test func aPassIsKeptOnceEarned() {
    let passed = ExerciseProgress(exerciseID: "e").recordingAttempt(passed: true, at: early)
    let again = passed.recordingAttempt(passed: false, at: late)
    #expect(again.status == .passed)
    #expect(again.attempts == 2)
    #expect(again.firstAttemptAt == early)
    #expect(again.lastAttemptAt == late)
    #expect(again.completedAt == early)
  }

  @Test func aRevealedExerciseStaysRevealedWhenItLaterPasses() {
    let revealed = ExerciseProgress(exerciseID: "e").recordingReveal(at: early)
    #expect(revealed.status == .revealed)
    #expect(revealed.recordingAttempt(passed: true, at: late).status == .revealed)
    let passed = ExerciseProgress(exerciseID: "e").recordingAttempt(passed: true, at: early)
    #expect(passed.recordingReveal(at: late).status == .passed)
  }

  @Test func hintsAreGivenInOrderUntilTheyRunOut() {
    var record = ExerciseProgress(exerciseID: "e")
    var shown: [Int] = []
    while let next = record.recordingHint(of: 2) {
      record = next
      shown.append(record.hintsShown)
    }
    #expect(shown == [1, 2])
  }
}
