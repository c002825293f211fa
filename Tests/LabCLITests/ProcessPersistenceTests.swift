import Foundation
import GRDB
import Testing

/// Runs the built `aep-lab` binary, so progress is shown to survive separate processes.
@Suite struct ProcessPersistenceTests {
  static let binary = CourseSandbox.repositoryRoot.appendingPathComponent(".build/debug/aep-lab")

  static func run(_ arguments: [String], in course: CourseSandbox) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = course.environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
  func progressRecordedByOneProcessIsSeenByTheNext() throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.solve("exercise-1", file: "answers.json")
    let (checkCode, _) = try Self.run(["check", "exercise-1"], in: course)
    #expect(checkCode == 0)
    let (hintCode, _) = try Self.run(["hint", "exercise-2"], in: course)
    #expect(hintCode == 0)
    let (statusCode, status) = try Self.run(["status"], in: course)
    #expect(statusCode == 0)
    #expect(status.contains("passed"))
    #expect(status.contains("1/2"))
    let (_, chek) = try Self.run(["chek"], in: course)
    #expect(chek.contains("Did you mean 'aep-lab check'?"))
  }

  /// Row counts of the tables an ingest writes chunk by chunk, and the sandbox's indexes.
  static func tables(_ course: CourseSandbox) throws -> [String] {
    let queue = try DatabaseQueue(path: course.home.appendingPathComponent("lab.sqlite").path)
    return try queue.read { db in
      try ["sandbox_record", "sandbox_identity", "sandbox_graph_links", "sandbox_batch"].map {
        "\($0): \(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1)"
      }
        + String.fetchAll(
          db,
          sql:
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sandbox%' ORDER BY name"
        )
    }
  }

  /// A process killed in the middle of an ingest leaves the state as it was: the ingest is one
  /// transaction, and the next process reads the state before it.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
  func aKilledIngestLeavesThePreviousStateIntact() throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let small = course.base.appendingPathComponent("small").path
    let big = course.base.appendingPathComponent("big").path
    #expect(
      try Self.run(["dev", "generate", "--profiles", "300", "--out", small], in: course).0 == 0)
    #expect(try Self.run(["ingest", small], in: course).0 == 0)
    let before = try Self.tables(course)
    // Big enough that a debug build takes several seconds to ingest it.
    #expect(
      try Self.run(
        [
          "dev", "generate", "--profiles", "400000", "--events-per-profile", "0", "--seed", "3",
          "--out", big,
        ], in: course
      ).0 == 0)
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = ["ingest", big]
    process.environment = course.environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 1.5)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "the ingest ended before the kill")
    // Not `datasets`: it reads the dataset and batch rows, which an ingest writes last.
    #expect(try Self.tables(course) == before)
    #expect(try Self.run(["ingest", small, "--format", "json"], in: course).0 == 0)
    #expect(try Self.tables(course) != before)
  }
}
