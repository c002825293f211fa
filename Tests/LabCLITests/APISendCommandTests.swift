import Foundation
import LabCLI
import LabCore
import Testing

/// `aep-lab api send FILE.http` and `api get-events --all` against a real `aep-lab serve`.
@Suite struct APISendCommandTests {
  static func write(_ text: String, in setup: APICommandTests.Setup) throws -> String {
    let path = setup.folder.appendingPathComponent("call-\(UUID().uuidString).http").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func profileFile(email: String) -> String {
    """
    # The profile of the test registration, by email.
    GET https://platform.adobe.io/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=\(email)&entityIdNS=email
    Authorization: Bearer {{ACCESS_TOKEN}}
    x-api-key: {{API_KEY}}
    x-gw-ims-org-id: {{IMS_ORG}}
    x-sandbox-name: {{SANDBOX_NAME}}

    """
  }

  @Test func sendPrintsTheStatusAndTheProfile() async throws {
    try await APICommandTests.withServer { port in
      let setup = try APICommandTests.Setup()
      let path = try Self.write(Self.profileFile(email: "ana%2Bluma%40example.com"), in: setup)
      let result = await setup.run([
        "api", "send", path, "--base-url", "http://127.0.0.1:\(port)",
      ])
      #expect(result.code == 0)
      #expect(result.output.hasPrefix("HTTP 200 OK\n"))
      #expect(result.output.contains(#""firstName": "Ana""#))
      #expect(!(result.output + result.error).contains(APICommandTests.secret))
      #expect(!(result.output + result.error).contains("aeplab_"))
    }
  }

  @Test func jsonHasTheStatusHeadersAndBodyAndA404ExitsOne() async throws {
    try await APICommandTests.withServer { port in
      let setup = try APICommandTests.Setup()
      let path = try Self.write(Self.profileFile(email: "ana+luma@example.com"), in: setup)
      let result = await setup.run([
        "api", "send", path, "--base-url", "http://127.0.0.1:\(port)", "--format", "json",
      ])
      #expect(result.code == 1)
      let document = try JSONParser.parse(result.output)
      #expect(document["status"] == .number(404))
      #expect(document["headers"]?.objectValue?.isEmpty == false)
      #expect(document["body"]?.objectValue != nil)
    }
  }

  @Test func aFileWithTwoRequestsSaysHowToPick() async throws {
    let setup = try APICommandTests.Setup()
    let one = Self.profileFile(email: "a%40example.com")
    let path = try Self.write(one + "###\n" + one, in: setup)
    let result = await setup.run(["api", "send", path, "--target", "local"])
    #expect(result.code == 64)
    #expect(result.error.contains("holds 2 requests. Pick one with '--request N'"))
  }

  @Test func aBrokenFileNamesTheLine() async throws {
    let setup = try APICommandTests.Setup()
    let path = try Self.write("GET https://platform.adobe.io/x\nx-api-key {{API_KEY}}\n", in: setup)
    let result = await setup.run(["api", "send", path, "--target", "local"])
    #expect(result.code == 65)
    #expect(result.error.contains("\(path):2: the header 'x-api-key {{API_KEY}}' has no ':'"))
  }

  @Test func getEventsAllMergesThePagesIntoOneResponse() async throws {
    try await APICommandTests.withServer { port in
      let setup = try APICommandTests.Setup()
      let result = await setup.run([
        "api", "get-events", "--base-url", "http://127.0.0.1:\(port)", "--ns", "email", "--id",
        APICommandTests.email, "--limit", "1", "--all", "--format", "json",
      ])
      #expect(result.code == 0)
      let document = try JSONParser.parse(result.output)
      #expect(document["children"]?.arrayValue != nil)
      #expect(document[path: ["_links", "next", "href"]] == .string(""))
    }
  }
}
