import Foundation
import LabCore
import Testing

@Suite struct DoctorCommandTests {
  @Test func healthySetupPassesAndReportsEachCheck() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["doctor"])
    #expect(result.code == 0)
    for name in ["aep-lab", "Swift", "libcurl", "content root", "state folder", "state file"] {
      #expect(result.output.contains(name))
    }
    #expect(result.output.contains("(1 module, 2 exercises)"))
    #expect(result.output.contains("not configured"))
  }

  @Test func readOnlyStateFolderIsReportedAsTheProblem() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    try FileManager.default.createDirectory(
      at: course.home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
    let result = await course.run(["doctor"])
    #expect(result.code == 1)
    #expect(result.output.contains("\(course.home.path): the folder is read-only"))
    #expect(result.output.contains("chmod u+w \(course.home.path)"))
    #expect(result.error.contains("doctor found 1 problem(s): state folder"))
  }

  @Test func credentialsFromTheEnvironmentAreMaskedAndTheSecretNeverShown() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(
      ["doctor", "--format", "json"],
      environment: [
        "AEP_CLIENT_ID": "abcd1234efgh", "AEP_CLIENT_SECRET": "p8e-TOPSECRET",
        "AEP_ORG_ID": "ORG123@AdobeOrg", "AEP_SANDBOX": "prod",
      ])
    #expect(result.code == 0)
    #expect(result.output.contains("client id: abcd…"))
    #expect(result.output.contains("secret: set"))
    #expect(!result.output.contains("TOPSECRET"))
    #expect(!result.output.contains("1234efgh"))
    let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    #expect(document["ok"] == true)
  }

  @Test func credentialsFileReadableByOthersIsAProblem() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let config = course.base.appendingPathComponent("platform.json")
    try Data(
      #"{"clientId": "zyxw9876", "clientSecret": "s3cr3t", "orgId": "O@AdobeOrg", "sandbox": "prod"}"#
        .utf8
    )
    .write(to: config)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config.path)
    let result = await course.run(["doctor"], environment: ["AEP_LAB_CONFIG": config.path])
    #expect(result.code == 1)
    #expect(result.output.contains("client id: zyxw…"))
    #expect(!result.output.contains("s3cr3t"))
    #expect(result.output.contains("chmod 600 \(config.path)"))
  }
}
