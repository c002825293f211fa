import Foundation
import Testing

@testable import Persistence

@Suite struct LabDatabaseTests {
  @Test func inMemoryDatabaseOpensAndMigrates() throws {
    let database = try LabDatabase.inMemory()
    #expect(database.path == ":memory:")
  }

  @Test func fileIsCreatedAndReopened() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lab.sqlite").path
    _ = try LabDatabase.open(at: path)
    #expect(FileManager.default.fileExists(atPath: path))
    _ = try LabDatabase.open(at: path)
  }

  @Test func garbageFileIsReportedAsCorrupt() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lab.sqlite").path
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    #expect(throws: PersistenceError.corrupt(path: path)) {
      try LabDatabase.open(at: path)
    }
  }
}
