import Foundation
import LabCLI
import LabCore
import Testing

@Suite struct PQLCommandTests {
  /// Writes the golden P0 profile and E0 events to a temporary folder.
  private func fixtureFiles() throws -> (profile: String, events: String) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pql-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let profile = folder.appendingPathComponent("profile.json")
    let events = folder.appendingPathComponent("events.json")
    try Data((GoldenFixtures.shared.profiles["P0"] ?? [:]).serialized().utf8).write(to: profile)
    try Data(JSONValue.array(GoldenFixtures.shared.events["E0"] ?? []).serialized().utf8)
      .write(to: events)
    return (profile.path, events.path)
  }

  private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
    let console = Console.capturing()
    let code = await Console.$current.withValue(console) {
      await AEPLab.run(arguments: arguments)
    }
    return (code, console.capturedOutput, console.capturedError)
  }

  @Test func evalPrintsOneJSONObjectWithTheValue() async throws {
    let files = try fixtureFiles()
    let result = await run([
      "pql", "eval", "--profile", files.profile, "--events", files.events,
      "--now", "2025-06-18T12:00:00Z", "--format", "json",
      #"xEvent[eventType = "commerce.purchases"].count()"#,
    ])
    #expect(result.code == 0)
    #expect(try JSONParser.parse(result.output) == ["value": 3])
  }

  @Test func evalPrintsTimesAsISO8601() async throws {
    let result = await run([
      "pql", "eval", "--now", "2025-06-18T12:00:00Z", "--format", "json", "yesterday",
    ])
    #expect(try JSONParser.parse(result.output) == ["value": "2025-06-17T00:00:00Z"])
  }

  @Test func evalReportsAParseErrorAsJSONWithExitCode65() async throws {
    let result = await run([
      "pql", "eval", "--format", "json", #"homeAddress.countryCode = "US" and"#,
    ])
    #expect(result.code == 65)
    let error = try JSONParser.parse(result.output)["error"]
    #expect(error?["kind"] == "ParseError")
    #expect(error?["line"] == 1)
    #expect(error?["column"] == 35)
    #expect(error?["message"]?.stringValue?.contains("'and'") == true)
  }

  @Test func evalTextShowsTheCaretDiagnostic() async throws {
    let result = await run(["pql", "eval", "loyalty.points.startsWithh(\"1\")"])
    #expect(result.code == 65)
    #expect(
      result.error.contains("error: unknown function 'startsWithh'; did you mean 'startsWith'?"))
    #expect(result.error.contains("--> query:1:16"))
    #expect(result.error.contains("               ^"))
  }

  @Test func evalTextPrintsTheValue() async throws {
    let files = try fixtureFiles()
    let result = await run([
      "pql", "eval", "--profile", files.profile, "--now", "2025-06-18T12:00:00Z",
      "person.name.firstName",
    ])
    #expect(result.code == 0)
    #expect(result.output == "\"Jane\"\n")
  }

  @Test func evalRefusesABadNow() async {
    let result = await run(["pql", "eval", "--now", "yesterday-ish", "true"])
    #expect(result.code == 64)
    #expect(result.error.contains("'yesterday-ish' is not an ISO-8601 time"))
  }

  @Test func evalRefusesAMissingProfileFile() async {
    let result = await run(["pql", "eval", "--profile", "/nonexistent/p.json", "true"])
    #expect(result.code == 64)
    #expect(result.error.contains("Cannot read the profile file '/nonexistent/p.json'"))
  }

  @Test func evalNeedsBothNamespaceAndID() async {
    let result = await run(["pql", "eval", "--ns", "email", "true"])
    #expect(result.code == 64)
    #expect(result.error.contains("'--ns' and '--id'"))
  }

  @Test func convertToJSONAndBack() async throws {
    let toJSON = await run(["pql", "convert", "--to", "json", #"person.gender in ["female"]"#])
    #expect(toJSON.code == 0)
    let tree = try JSONParser.parse(toJSON.output)
    #expect(tree["fnName"] == "in")
    let toText = await run(["pql", "convert", "--to", "text", tree.serialized()])
    #expect(toText.code == 0)
    #expect(toText.output == "person.gender in [\"female\"]\n")
  }

  @Test func convertReadsASegmentDefinitionFile() async throws {
    let tree = try JSONParser.parse(
      await run(["pql", "convert", "--to", "json", "a = 1"]).output)
    let definition: JSONValue = [
      "name": "x",
      "expression": ["type": "PQL", "format": "pql/json", "value": .string(tree.serialized())],
    ]
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("def-\(UUID()).json")
    try Data(definition.serialized().utf8).write(to: path)
    let result = await run(["pql", "convert", "--to", "text", "--file", path.path])
    #expect(result.output == "a = 1\n")
  }

  @Test func convertReportsInvalidPQL() async {
    let result = await run(["pql", "convert", "--to", "json", "a = "])
    #expect(result.code == 65)
    #expect(result.error.contains("error: expected an expression after '='"))
  }

  @Test func pqlHelpHasAnExample() async {
    let result = await run(["pql", "eval", "--help"])
    #expect(result.code == 0)
    #expect(result.output.contains("Example: aep-lab pql eval"))
  }
}

@Suite struct PQLSandboxCommandTests {
  @Test func evalWithAnIdentityReadsTheSandbox() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("pql-ws-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
    let console = Console.capturing()
    let code = await Console.$current.withValue(console) {
      await AEPLab.run(arguments: [
        "pql", "eval", "--root", root.path, "--ns", "email", "--id", "nobody@example.com", "true",
      ])
    }
    #expect(code == 1)
    #expect(console.capturedError.contains("nobody@example.com"))
  }
}
