import Foundation
import LabCLI
import LocalServer
import Logging
import Persistence
import PlatformAPI
import Sandbox
import Testing

/// `aep-lab api ...` and the configuration files, against a real `aep-lab serve` on loopback.
@Suite struct APICommandTests {
  static let secret = "cli-secret-0a1b2c3d"
  static let email = "ana+luma@example.com"

  /// A folder for config files and the environment pointing at it.
  struct Setup {
    let folder: URL
    var environment: [String: String] {
      [
        "AEP_LAB_CONFIG": folder.appendingPathComponent("cfg/platform.json").path,
        "HOME": folder.path, "AEP_CLIENT_ID": "cli-client",
        "AEP_CLIENT_SECRET": APICommandTests.secret,
        "AEP_ORG_ID": "CLI@AdobeOrg", "AEP_SANDBOX": "prod",
      ]
    }

    init() throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("aep-lab-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String], extra: [String: String] = [:]) async -> (
      code: Int32, output: String, error: String
    ) {
      let console = Console.capturing()
      let code = await LabEnvironment.$current.withValue(
        environment.merging(extra) { _, new in new }
      ) {
        await Console.$current.withValue(console) { await AEPLab.run(arguments: arguments) }
      }
      return (code, console.capturedOutput, console.capturedError)
    }
  }

  /// A sandbox with one registration whose email has a '+'.
  static func sandbox() throws -> Sandbox {
    let dataset = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-cli-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
    try Data(
      #"{"name": "Signups", "class": "profile", "identities": [{"path": "id.email", "namespace": "Email", "primary": true}, {"path": "id.phone", "namespace": "Phone"}]}"#
        .utf8
    ).write(to: dataset.appendingPathComponent("schema.json"))
    try Data(
      #"{"person": {"name": {"firstName": "Ana"}}, "id": {"email": "\#(email)", "phone": "+3247000"}}"#
        .utf8
    ).write(to: dataset.appendingPathComponent("records.ndjson"))
    let sandbox = Sandbox(database: try LabDatabase.inMemory())
    _ = try sandbox.ingest(path: dataset.path)
    return sandbox
  }

  actor Port {
    var value: Int?
    func set(_ port: Int) { value = port }
  }

  /// Runs `body` with the port of a server that accepts only the test's client and secret;
  /// its jobs and estimates show each running stage for `jobPhase`.
  static func withServer(jobPhase: Duration = .seconds(2), _ body: (Int) async throws -> Void)
    async throws
  {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let configuration = LocalServerConfiguration(
      port: 0, clientID: "cli-client", clientSecret: Secret(secret), logger: logger)
    let backend = SandboxBackend(sandbox: try sandbox(), jobPhase: jobPhase)
    let port = Port()
    let server = Task {
      try await ServerRunner.run(
        configuration: configuration, backend: backend, handleSignals: false
      ) {
        await port.set($0)
      }
    }
    defer { server.cancel() }
    var bound: Int?
    for _ in 0..<1000 where bound == nil {
      bound = await port.value
      if bound == nil { try await Task.sleep(for: .milliseconds(10)) }
    }
    try await body(try #require(bound))
  }

  @Test func getProfileAgainstTheLocalServerPrintsTheBodyAsReceived() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let result = await setup.run([
        "api", "get-profile", "--base-url", "http://127.0.0.1:\(port)", "--ns", "email", "--id",
        Self.email, "--format", "json",
      ])
      #expect(result.code == 0)
      #expect(result.output.contains(#""firstName":"Ana""#))
      #expect(!result.output.contains(Self.secret))
    }
  }

  @Test func liveAndLocalDifferOnlyInTheBaseURL() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let url = "http://127.0.0.1:\(port)"
      let arguments = ["api", "get-profile", "--ns", "email", "--id", Self.email]
      let local = await setup.run(arguments + ["--base-url", url])
      let live = await setup.run(arguments, extra: ["AEP_PLATFORM_URL": url, "AEP_IMS_URL": url])
      #expect(local.code == 0)
      #expect(local.output == live.output)
      #expect(local.output.contains("Ana"))
    }
  }

  @Test func traceShowsTheEncodedPlusAndNoSecret() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let traced = await setup.run([
        "api", "get-profile", "--base-url", "http://127.0.0.1:\(port)", "--ns", "email", "--id",
        Self.email, "--trace",
      ])
      #expect(traced.error.contains("entityId=ana%2Bluma%40example.com"))
      #expect(traced.error.contains("/ims/token/v3 → 200"))
      let everything = traced.output + traced.error
      #expect(!everything.contains(Self.secret))
      #expect(!everything.contains("aeplab_"))
    }
  }

  @Test func tokenNeverPrintsTheTokenAndCachesItPrivately() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let result = await setup.run(["api", "token", "--base-url", "http://127.0.0.1:\(port)"])
      #expect(result.code == 0)
      #expect(!result.output.contains("aeplab_"))
      let cache = setup.folder.appendingPathComponent("cfg/token-cache.json").path
      #expect(PrivateFile.permissions(of: cache) == 0o600)
      let json = await setup.run([
        "api", "token", "--base-url", "http://127.0.0.1:\(port)", "--format", "json",
      ])
      #expect(json.output.contains(Secret.placeholder))
      #expect(!json.output.contains("aeplab_"))
    }
  }

  @Test func aWrongSecretIsReportedWithoutEchoingIt() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let wrong = "wrong-secret-9z8y7x"
      let result = await setup.run(
        ["api", "list-namespaces", "--base-url", "http://127.0.0.1:\(port)"],
        extra: ["AEP_CLIENT_SECRET": wrong])
      #expect(result.code == 1)
      #expect(result.error.contains("invalid_client"))
      #expect(!(result.output + result.error).contains(wrong))
    }
  }

  @Test func anUnknownIdentityShowsTheBodyAndTheLikelyCause() async throws {
    try await Self.withServer { port in
      let setup = try Setup()
      let result = await setup.run([
        "api", "get-profile", "--base-url", "http://127.0.0.1:\(port)", "--ns", "email", "--id",
        "nobody@example.com",
      ])
      #expect(result.code == 1)
      #expect(result.error.contains("HTTP 404"))
      #expect(result.error.contains("Likely cause"))
    }
  }

  @Test func configureWritesAPrivateFileAndNeverShowsTheSecret() async throws {
    let setup = try Setup()
    let result = await setup.run(
      [
        "api", "configure", "--client-id", "c1", "--client-secret", "s3cr3t-from-flag",
        "--org-id", "O@AdobeOrg", "--sandbox", "dev",
      ], extra: ["AEP_CLIENT_ID": "", "AEP_CLIENT_SECRET": "", "AEP_ORG_ID": ""])
    #expect(result.code == 0)
    #expect(!result.output.contains("s3cr3t-from-flag"))
    let path = setup.folder.appendingPathComponent("cfg/platform.json").path
    #expect(PrivateFile.permissions(of: path) == 0o600)
    let saved = try #require(try CredentialStore(environment: ["AEP_LAB_CONFIG": path]).loadFile())
    #expect(saved.sandboxName == "dev")
    #expect(saved.clientSecret.revealed == "s3cr3t-from-flag")
  }

  @Test func configureImportsAPostmanEnvironment() async throws {
    let setup = try Setup()
    let file = setup.folder.appendingPathComponent("env.json")
    try Data(
      #"{"name":"x","values":[{"key":"API_KEY","value":"from-postman"},{"key":"CLIENT_SECRET","value":"pm-secret-1234"},{"key":"IMS_ORG","value":"PM@AdobeOrg"},{"key":"SANDBOX_NAME","value":"prod"}]}"#
        .utf8
    ).write(to: file)
    let result = await setup.run(
      ["api", "configure", "--from-postman-env", file.path, "--format", "json"],
      extra: ["AEP_CLIENT_ID": "", "AEP_CLIENT_SECRET": "", "AEP_ORG_ID": ""])
    #expect(result.code == 0)
    #expect(result.output.contains("from-postman"))
    #expect(!result.output.contains("pm-secret-1234"))
  }

  @Test func withoutCredentialsLiveCallsExplainWhatIsMissing() async throws {
    let setup = try Setup()
    let result = await setup.run(
      ["api", "list-namespaces"],
      extra: ["AEP_CLIENT_ID": "", "AEP_CLIENT_SECRET": "", "AEP_ORG_ID": ""])
    #expect(result.code == 64)
    #expect(result.error.contains("AEP_CLIENT_SECRET"))
    #expect(result.error.contains("--target local"))
  }
}

@Suite struct ServeOptionTests {
  @Test(arguments: [
    ["serve", "--port", "70000"], ["serve", "--client-id", "only-the-id"],
    ["api", "get-events", "--ns", "ecid", "--id", "1", "--order", "newest"],
  ])
  func badOptionsAreUsageErrors(arguments: [String]) async throws {
    let setup = try APICommandTests.Setup()
    let result = await setup.run(arguments)
    #expect(result.code == 64)
  }
}
