import Foundation
import LabCore
import Testing

@Suite(.serialized) struct ProfileEventsOrderTests {
  @Test func orderTakesADashValueAsWrittenInTheHelp() async throws {
    let root = try SandboxCLITests.workspace()
    _ = await SandboxCLITests.run(["ingest", SandboxFixture.lumaPath], root: root)
    let email = SandboxFixture.persona.email
    let (status, output, errors) = await SandboxCLITests.run(
      [
        "profile", "events", "--ns", "email", "--id", email, "--order", "-timestamp", "--format",
        "json",
      ],
      root: root)
    #expect(status == 0, "\(errors)")
    let times = (try JSONParser.parse(output)["children"]?.arrayValue ?? []).compactMap {
      $0["timestamp"]?.numberValue
    }
    #expect(times.count == 8)
    #expect(times == times.sorted(by: >))
  }

  @Test func aLimitBelowOneIsAUsageError() async throws {
    let root = try SandboxCLITests.workspace()
    let (status, _, errors) = await SandboxCLITests.run(
      ["profile", "events", "--ns", "email", "--id", "a@example.com", "--limit", "0"], root: root)
    #expect(status == 64)
    #expect(errors.contains("--limit must be 1 or more"))
  }
}

@Suite struct EmptyIngestTests {
  @Test func anEmptyFileIsInvalidDataThatSaysSo() async throws {
    let root = try SandboxCLITests.workspace()
    let file = root.url.appendingPathComponent("empty.ndjson")
    try Data().write(to: file)
    let (status, _, errors) = await SandboxCLITests.run(["ingest", file.path], root: root)
    #expect(status == 65)
    #expect(errors.contains("holds no records"))
  }
}

@Suite struct UnknownIDExitCodeTests {
  @Test func anUnknownSegmentIsAUsageErrorAndBadPQLIsInvalidData() async throws {
    let root = try SandboxCLITests.workspace()
    let (unknown, _, _) = await SandboxCLITests.run(
      ["segment", "show", "no-such-segment"], root: root)
    #expect(unknown == 64)
    let (badPQL, _, errors) = await SandboxCLITests.run(
      ["segment", "create", "--name", "Broken", "--pql", "person.gender ="], root: root)
    #expect(badPQL == 65)
    #expect(errors.contains("1:"))
  }
}
