import Foundation
import Persistence
import PlatformAPI
import Sandbox
import Testing

@testable import CourseChecks

@Suite struct DemoSandboxCacheTests {
  @Test func aBuiltSandboxIsKeptAsAFileThatCopiesBackWithTheSameData() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stale = folder.appendingPathComponent("luma-1-old-build.sqlite")
    try Data("not a database".utf8).write(to: stale)
    let cache = DemoDataCache(folder: folder, fingerprint: "test-\(UUID().uuidString)")

    // A seed no other test builds, so this process has no copy of it yet.
    let built = try DemoSandbox.make(seed: 424_242, cache: cache)
    let file = cache.file(seed: 424_242)
    #expect(FileManager.default.fileExists(atPath: file))
    #expect(!FileManager.default.fileExists(atPath: stale.path))

    let reread = try #require(LabDatabase.inMemoryCopy(ofFile: file))
    let copy = Sandbox(database: reread)
    let counts = { (sandbox: Sandbox) throws -> [String: Int] in
      Dictionary(uniqueKeysWithValues: try sandbox.datasets().map { ($0.name, $0.recordCount) })
    }
    #expect(try counts(copy) == counts(built))
    #expect(try counts(copy).values.reduce(0, +) > 10_000)

    // Copies are independent: a change to one is not in the next.
    _ = try built.createSegment(
      SegmentDefinition(name: "Only here", expression: SegmentExpression(value: "true")))
    let next = try DemoSandbox.make(seed: 424_242, cache: cache)
    #expect(try next.segmentDefinitions().isEmpty)
  }

  @Test func aFileThatIsNotADatabaseIsNoCopy() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-not-db-\(UUID().uuidString).sqlite")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("garbage".utf8).write(to: file)
    #expect(LabDatabase.inMemoryCopy(ofFile: file.path) == nil)
  }
}
