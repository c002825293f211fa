import Foundation
import Testing

@Suite struct ServeCredentialsTests {
  @Test func aClientIDFromTheEnvironmentNeedsItsSecretToo() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(
      ["serve", "--port", "0"], environment: ["AEP_LAB_SERVE_CLIENT_ID": "my-client"])
    #expect(result.code == 64)
    #expect(result.error.contains("AEP_LAB_SERVE_CLIENT_SECRET"))
  }

  @Test func theHelpRecommendsTheVariablesOverACommandLineSecret() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["serve", "--help"])
    #expect(result.output.contains("AEP_LAB_SERVE_CLIENT_SECRET"))
  }
}
