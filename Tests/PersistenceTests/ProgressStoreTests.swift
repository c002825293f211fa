import Curriculum
import Foundation
import Testing

@testable import Persistence

@Suite struct ProgressStoreTests {
  /// A store on a fresh in-memory database with a clock that ticks one second per reading.
  func makeStore() throws -> ProgressStore {
    let clock = TestClock()
    return ProgressStore(database: try LabDatabase.inMemory(), now: { clock.tick() })
  }

  @Test func startingAModuleMakesItCurrentOnlyTheFirstTimeIsNew() throws {
    let store = try makeStore()
    #expect(try store.currentModule() == nil)
    #expect(try store.start(moduleID: "module3").isNew)
    #expect(try store.start(moduleID: "module3").isNew == false)
    try store.start(moduleID: "other")
    #expect(try store.currentModule() == "other")
    #expect(try store.startedModules() == ["module3", "other"])
  }

  @Test func attemptsHintsAndRevealsAreRecordedWithTimestamps() throws {
    let store = try makeStore()
    try store.start(moduleID: "m")
    let failed = try store.recordAttempt(moduleID: "m", exerciseID: "e", passed: false)
    let passed = try store.recordAttempt(moduleID: "m", exerciseID: "e", passed: true)
    #expect(failed.status == .pending)
    #expect(passed.status == .passed)
    #expect(passed.attempts == 2)
    #expect(passed.firstAttemptAt == failed.lastAttemptAt)
    #expect(try store.recordHint(moduleID: "m", exerciseID: "e", hintCount: 1)?.hintsShown == 1)
    #expect(try store.recordHint(moduleID: "m", exerciseID: "e", hintCount: 1) == nil)
    let revealed = try store.recordReveal(moduleID: "m", exerciseID: "other")
    #expect(revealed.status == .revealed)
    let progress = try store.progress(moduleID: "m")
    #expect(progress.progress(of: "e").hintsShown == 1)
    #expect(progress.progress(of: "other").status == .revealed)
  }

  @Test func recordingOnAModuleNeverStartedStartsIt() throws {
    let store = try makeStore()
    try store.recordAttempt(moduleID: "m", exerciseID: "e", passed: false)
    #expect(try store.progress(moduleID: "m").startedAt != nil)
    #expect(try store.currentModule() == "m")
  }

  @Test func resetsForgetAnExerciseOrAWholeModule() throws {
    let store = try makeStore()
    try store.setCurrentLesson(3, moduleID: "m")
    try store.recordAttempt(moduleID: "m", exerciseID: "a", passed: true)
    try store.recordAttempt(moduleID: "m", exerciseID: "b", passed: true)
    try store.resetExercise(moduleID: "m", exerciseID: "a")
    #expect(try store.progress(moduleID: "m").progress(of: "a").attempts == 0)
    #expect(try store.progress(moduleID: "m").progress(of: "b").status == .passed)
    try store.resetModule(moduleID: "m")
    let progress = try store.progress(moduleID: "m")
    #expect(progress.exercises.isEmpty)
    #expect(progress.currentLesson == 1)
  }

  @Test func starterFilesAreKeptOnceAndNotOverwritten() throws {
    let store = try makeStore()
    try store.keepStarterFiles(moduleID: "m", exerciseID: "e", files: ["a.json": Data("{}".utf8)])
    try store.keepStarterFiles(
      moduleID: "m", exerciseID: "e", files: ["a.json": Data("edited".utf8)])
    #expect(try store.starterFiles(moduleID: "m", exerciseID: "e") == ["a.json": Data("{}".utf8)])
  }

  @Test func progressSurvivesClosingAndReopeningTheFile() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lab.sqlite").path
    do {
      let store = ProgressStore(database: try LabDatabase.open(at: path))
      try store.start(moduleID: "module3")
      try store.setCurrentLesson(2, moduleID: "module3")
      try store.recordAttempt(moduleID: "module3", exerciseID: "exercise-11", passed: true)
    }
    let reopened = ProgressStore(database: try LabDatabase.open(at: path))
    let progress = try reopened.progress(moduleID: "module3")
    #expect(try reopened.currentModule() == "module3")
    #expect(progress.currentLesson == 2)
    #expect(progress.progress(of: "exercise-11").status == .passed)
  }
}

/// A clock for tests: each reading is one second after the last.
private final class TestClock: @unchecked Sendable {
  // `seconds` is guarded by `lock`.
  private let lock = NSLock()
  private var seconds: Double = 1_700_000_000

  func tick() -> Date {
    lock.withLock {
      seconds += 1
      return Date(timeIntervalSince1970: seconds)
    }
  }
}
