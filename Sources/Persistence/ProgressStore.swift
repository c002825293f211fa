import Curriculum
import Foundation
import GRDB

/// Saves and loads a learner's progress in the state file: started modules, the current module
/// and lesson, every exercise's status, attempts and hints, and the starter files `reset` puts
/// back.
///
/// Each method is one transaction. The rules for how progress changes live in Curriculum
/// (``ExerciseProgress``); the store applies them to what it loads and saves the result.
///
/// For example:
///
/// ```swift
/// let store = ProgressStore(database: try LabDatabase.open(at: path))
/// try store.start(moduleID: "module3")
/// let record = try store.recordAttempt(moduleID: "module3", exerciseID: "exercise-11", passed: true)
/// ```
public struct ProgressStore: Sendable {
  private let database: LabDatabase
  private let now: @Sendable () -> Date

  /// Creates a store on `database`; `now` is the clock used for timestamps.
  public init(database: LabDatabase, now: @escaping @Sendable () -> Date = { Date() }) {
    self.database = database
    self.now = now
  }

  /// The module the learner last started or worked in, if any.
  public func currentModule() throws(PersistenceError) -> String? {
    try database.read("read the current module") { db in
      try String.fetchOne(db, sql: "SELECT value FROM workspace WHERE key = 'currentModule'")
    }
  }

  /// The ids of the modules the learner has started, oldest first.
  public func startedModules() throws(PersistenceError) -> [String] {
    try database.read("read the started modules") { db in
      try String.fetchAll(
        db, sql: "SELECT moduleId FROM moduleProgress ORDER BY startedAt, moduleId")
    }
  }

  /// Starts `moduleID` if it is new and makes it the current module.
  ///
  /// - Returns: its progress, and whether this call started it.
  @discardableResult
  public func start(moduleID: String) throws(PersistenceError) -> (
    progress: ModuleProgress, isNew: Bool
  ) {
    let date = now()
    return try database.write("start module '\(moduleID)'") { db in
      let isNew = try Self.ensureModule(moduleID, in: db, at: date)
      try Self.makeCurrent(moduleID, in: db)
      return (try Self.load(moduleID, in: db), isNew)
    }
  }

  /// The learner's progress in `moduleID`; a module never started has `startedAt == nil`.
  public func progress(moduleID: String) throws(PersistenceError) -> ModuleProgress {
    try database.read("read the progress of '\(moduleID)'") { db in
      try Self.load(moduleID, in: db)
    }
  }

  /// Records that the learner is on lesson `number` of `moduleID` (starting it if needed).
  public func setCurrentLesson(_ number: Int, moduleID: String) throws(PersistenceError) {
    let date = now()
    try database.write("save the current lesson") { db in
      try Self.ensureModule(moduleID, in: db, at: date)
      try Self.makeCurrent(moduleID, in: db)
      try db.execute(
        sql: "UPDATE moduleProgress SET currentLesson = ?, updatedAt = ? WHERE moduleId = ?",
        arguments: [number, date, moduleID])
    }
  }

  /// Records one check of an exercise and returns its new record.
  @discardableResult
  public func recordAttempt(moduleID: String, exerciseID: String, passed: Bool)
    throws(PersistenceError) -> ExerciseProgress
  {
    let date = now()
    return try update(moduleID, exerciseID, "record the check of '\(exerciseID)'") { record in
      record.recordingAttempt(passed: passed, at: date)
    }
  }

  /// Records that the next of `hintCount` hints is shown; `nil` (and no change) when all
  /// were shown already.
  public func recordHint(moduleID: String, exerciseID: String, hintCount: Int)
    throws(PersistenceError) -> ExerciseProgress?
  {
    let date = now()
    return try database.write("record a hint for '\(exerciseID)'") { db in
      try Self.ensureModule(moduleID, in: db, at: date)
      let current = try Self.load(moduleID, in: db).progress(of: exerciseID)
      guard let next = current.recordingHint(of: hintCount) else { return nil }
      try Self.save(next, moduleID: moduleID, in: db, at: date)
      return next
    }
  }

  /// Records that the learner gave up and saw the solution.
  @discardableResult
  public func recordReveal(moduleID: String, exerciseID: String) throws(PersistenceError)
    -> ExerciseProgress
  {
    let date = now()
    return try update(moduleID, exerciseID, "record the solution of '\(exerciseID)'") { record in
      record.recordingReveal(at: date)
    }
  }

  /// Forgets everything recorded about one exercise (it becomes pending).
  public func resetExercise(moduleID: String, exerciseID: String) throws(PersistenceError) {
    try database.write("reset '\(exerciseID)'") { db in
      try db.execute(
        sql: "DELETE FROM exerciseProgress WHERE moduleId = ? AND exerciseId = ?",
        arguments: [moduleID, exerciseID])
    }
  }

  /// Forgets every exercise of a module and moves it back to lesson 1.
  public func resetModule(moduleID: String) throws(PersistenceError) {
    let date = now()
    try database.write("reset module '\(moduleID)'") { db in
      try db.execute(sql: "DELETE FROM exerciseProgress WHERE moduleId = ?", arguments: [moduleID])
      try db.execute(
        sql: "UPDATE moduleProgress SET currentLesson = 1, updatedAt = ? WHERE moduleId = ?",
        arguments: [date, moduleID])
    }
  }

  /// Keeps the starter files of an exercise, for `reset`; files already kept are not replaced.
  public func keepStarterFiles(moduleID: String, exerciseID: String, files: [String: Data])
    throws(PersistenceError)
  {
    let date = now()
    try database.write("keep the starter files of '\(exerciseID)'") { db in
      for (name, content) in files {
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO starterFile (moduleId, exerciseId, fileName, content, capturedAt)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [moduleID, exerciseID, name, content, date])
      }
    }
  }

  /// The starter files kept for an exercise, by file name.
  public func starterFiles(moduleID: String, exerciseID: String) throws(PersistenceError)
    -> [String: Data]
  {
    try database.read("read the starter files of '\(exerciseID)'") { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT fileName, content FROM starterFile WHERE moduleId = ? AND exerciseId = ?",
        arguments: [moduleID, exerciseID])
      var files: [String: Data] = [:]
      for row in rows {
        let name: String = row["fileName"]
        let content: Data = row["content"]
        files[name] = content
      }
      return files
    }
  }

  // MARK: - Rows

  private func update(
    _ moduleID: String, _ exerciseID: String, _ operation: String,
    _ change: @escaping (ExerciseProgress) -> ExerciseProgress
  ) throws(PersistenceError) -> ExerciseProgress {
    let date = now()
    return try database.write(operation) { db in
      try Self.ensureModule(moduleID, in: db, at: date)
      try Self.makeCurrent(moduleID, in: db)
      let next = change(try Self.load(moduleID, in: db).progress(of: exerciseID))
      try Self.save(next, moduleID: moduleID, in: db, at: date)
      return next
    }
  }

  @discardableResult
  private static func ensureModule(_ moduleID: String, in db: Database, at date: Date) throws
    -> Bool
  {
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO moduleProgress (moduleId, startedAt, currentLesson, updatedAt)
        VALUES (?, ?, 1, ?)
        """,
      arguments: [moduleID, date, date])
    return db.changesCount > 0
  }

  private static func makeCurrent(_ moduleID: String, in db: Database) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO workspace (key, value) VALUES ('currentModule', ?)",
      arguments: [moduleID])
  }

  private static func load(_ moduleID: String, in db: Database) throws -> ModuleProgress {
    var progress = ModuleProgress(moduleID: moduleID)
    if let row = try Row.fetchOne(
      db, sql: "SELECT startedAt, currentLesson FROM moduleProgress WHERE moduleId = ?",
      arguments: [moduleID])
    {
      progress.startedAt = row["startedAt"]
      progress.currentLesson = row["currentLesson"]
    }
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM exerciseProgress WHERE moduleId = ?", arguments: [moduleID])
    for row in rows {
      let id: String = row["exerciseId"]
      let status = ExerciseStatus(rawValue: row["status"]) ?? .pending
      progress.exercises[id] = ExerciseProgress(
        exerciseID: id, status: status, attempts: row["attempts"], hintsShown: row["hintsShown"],
        firstAttemptAt: row["firstAttemptAt"], lastAttemptAt: row["lastAttemptAt"],
        completedAt: row["completedAt"])
    }
    return progress
  }

  private static func save(
    _ record: ExerciseProgress, moduleID: String, in db: Database, at date: Date
  ) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO exerciseProgress (moduleId, exerciseId, status, attempts,
          hintsShown, firstAttemptAt, lastAttemptAt, completedAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        moduleID, record.exerciseID, record.status.rawValue, record.attempts, record.hintsShown,
        record.firstAttemptAt, record.lastAttemptAt, record.completedAt, date,
      ])
  }
}
