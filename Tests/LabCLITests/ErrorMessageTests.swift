import Foundation
import GRDB
import Testing

@Suite struct ErrorMessageTests {
  @Test func misspeltCommandSuggestsTheRealOneAndExits64() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["chek", "exercise-1"])
    #expect(result.code == 64)
    #expect(result.error.contains("Unknown command 'chek'. Did you mean 'aep-lab check'?"))
  }

  @Test func aFailureOfAJSONCommandIsAlsoOneJSONObjectOnStandardOutput() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let json = await course.run(
      ["profile", "get", "--ns", "Email", "--id", "nobody@example.com", "--format", "json"])
    #expect(json.code == 1)
    #expect(json.error.contains("No profile has the identity Email 'nobody@example.com'"))
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let error = object?["error"] as? [String: Any]
    #expect(error?["kind"] as? String == "failed")
    #expect(error?["exitCode"] as? Int == 1)
    #expect((error?["message"] as? String)?.contains("nobody@example.com") == true)
    // Invalid data is kind `invalidData`, exit 65; text output prints nothing on stdout.
    let pql = await course.run(
      ["segment", "estimate", "--pql", "person.gender = ", "--format=json"])
    #expect(pql.code == 65)
    let pqlError =
      (try JSONSerialization.jsonObject(with: Data(pql.output.utf8)) as? [String: Any])?[
        "error"] as? [String: Any]
    #expect(pqlError?["kind"] as? String == "invalidData")
    let text = await course.run(["profile", "get", "--ns", "Email", "--id", "nobody@example.com"])
    #expect(text.code == 1)
    #expect(text.output.isEmpty)
    // A usage error (a missing option) too; and the last --format wins.
    let usage = await course.run(["profile", "get", "--ns", "Email", "--format", "json"])
    #expect(usage.code == 64)
    let usageError =
      (try JSONSerialization.jsonObject(with: Data(usage.output.utf8))
      as? [String: Any])?["error"] as? [String: Any]
    #expect(usageError?["kind"] as? String == "usage")
    #expect((usageError?["message"] as? String)?.contains("--id") == true)
    let last = await course.run(
      [
        "profile", "get", "--ns", "Email", "--id", "x@example.com", "--format", "json", "--format",
        "text",
      ])
    #expect(last.code == 1)
    #expect(last.output.isEmpty)
    // A command that printed its own JSON report before failing keeps its one document.
    let file = course.home.appendingPathComponent("bad.ndjson")
    try FileManager.default.createDirectory(at: course.home, withIntermediateDirectories: true)
    try Data("{\"identityMap\": {\"Email\": [{\"id\": \"\"}]}}\n".utf8).write(to: file)
    let strict = await course.run(["ingest", file.path, "--strict", "--format", "json"])
    #expect(strict.code == 65)
    let report = try JSONSerialization.jsonObject(with: Data(strict.output.utf8)) as? [String: Any]
    #expect(report?["error"] == nil)
    #expect(report?["committed"] as? Bool == false)
  }

  @Test func misspeltDevSubcommandSuggestsCheck() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["dev", "chekc"])
    #expect(result.code == 64)
    #expect(result.error.contains("Did you mean 'aep-lab dev check'?"))
  }

  @Test func corruptStateFileSaysHowToMoveItAside() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try FileManager.default.createDirectory(at: course.home, withIntermediateDirectories: true)
    let state = course.home.appendingPathComponent("lab.sqlite")
    try Data(repeating: 0x41, count: 4096).write(to: state)
    let result = await course.run(["status"])
    #expect(result.code == 1)
    #expect(result.error.contains("is not a readable aep-lab database"))
    #expect(result.error.contains("mv \(state.path) \(state.path).bak"))
    #expect(try Data(contentsOf: state) == Data(repeating: 0x41, count: 4096))
  }

  @Test func stateFileFromANewerVersionIsRefusedUntouched() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let state = course.home.appendingPathComponent("lab.sqlite").path
    let queue = try DatabaseQueue(path: state)
    try await queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
    }
    try queue.close()
    let result = await course.run(["status"])
    #expect(result.code == 1)
    #expect(result.error.contains("was written by a newer aep-lab (it has 'v9-future')"))
    #expect(result.error.contains("set AEP_LAB_HOME to another folder"))
  }

  @Test func readOnlyStateFolderNamesTheFix() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try FileManager.default.createDirectory(
      at: course.home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
    let result = await course.run(["start", "mini"])
    #expect(result.code == 1)
    #expect(
      result.error.contains(
        "Cannot write the state file at '\(course.home.path)': the folder is read-only."))
    #expect(result.error.contains("set AEP_LAB_HOME to a writable folder"))
  }

  @Test func brokenModuleManifestExits65NamingTheFieldAndTheFix() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let path = "Modules/mini/module.json"
    try course.write(
      path, try course.text(path).replacingOccurrences(of: #""title": "Mini course","#, with: ""))
    let result = await course.run(["start", "mini"])
    #expect(result.code == 65)
    #expect(
      result.error.contains("'Modules/mini/module.json' has no field 'title'. Add \"title\" to it"))
  }

  @Test func manifestThatIsNotJsonSaysWhere() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try course.write("Exercises/mini/exercise-2/exercise.json", "{ \"formatVersion\": 1,, }")
    let result = await course.run(["status"])
    #expect(result.code == 65)
    #expect(result.error.contains("'Exercises/mini/exercise-2/exercise.json' is not valid JSON"))
  }

  @Test func contentFromANewerFormatAsksForAnUpdate() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let path = "Modules/mini/module.json"
    try course.write(
      path,
      try course.text(path).replacingOccurrences(
        of: #""formatVersion": 1"#, with: #""formatVersion": 7"#))
    let result = await course.run(["list"])
    #expect(result.code == 65)
    #expect(
      result.error.contains(
        "has formatVersion 7, but this aep-lab reads formatVersion 1. Update aep-lab"))
  }

  @Test func missingContentRootSaysWhereToPointIt() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["status"], environment: ["AEP_LAB_ROOT": course.base.path])
    #expect(result.code == 64)
    #expect(result.error.contains("has no Modules/ or Exercises/ folder"))
  }
}
