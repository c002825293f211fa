import Foundation
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
    #expect(status.contains("done"))
    #expect(status.contains("1/2"))
    let (_, chek) = try Self.run(["chek"], in: course)
    #expect(chek.contains("Did you mean 'aep-lab check'?"))
  }
}
