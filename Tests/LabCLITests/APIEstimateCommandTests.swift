import Foundation
import LabCLI
import Testing

/// `aep-lab api estimate` against a real `aep-lab serve` on loopback.
@Suite struct APIEstimateCommandTests {
  @Test func estimateCountsTheQualifyingProfilesOnTheLocalServer() async throws {
    try await APICommandTests.withServer(jobPhase: .zero) { port in
      let setup = try APICommandTests.Setup()
      let url = "http://127.0.0.1:\(port)"
      let ana = await setup.run([
        "api", "estimate", "--base-url", url, "--pql", #"person.name.firstName = "Ana""#,
      ])
      #expect(ana.code == 0)
      #expect(ana.output.contains("Estimated size: 1 profile(s) (RESULT_READY"))
      let nobody = await setup.run([
        "api", "estimate", "--base-url", url, "--pql", #"person.name.firstName = "Bo""#,
        "--format", "json",
      ])
      #expect(nobody.code == 0)
      #expect(nobody.output.contains(#""estimatedSize":0"#))
      #expect(!nobody.output.contains(APICommandTests.secret))
    }
  }

  @Test func invalidPQLShowsThePlatformsDiagnostic() async throws {
    try await APICommandTests.withServer(jobPhase: .zero) { port in
      let result = try await APICommandTests.Setup().run([
        "api", "estimate", "--base-url", "http://127.0.0.1:\(port)", "--pql", "person.name =",
      ])
      #expect(result.code != 0)
      #expect(result.error.contains("400"))
      #expect(result.error.contains("not valid"))
    }
  }
}
