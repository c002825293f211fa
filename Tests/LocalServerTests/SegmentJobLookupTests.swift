import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// Segment jobs looked up by id: an unknown id is a 404 found in the job list, while the
/// Sandbox's other refusals stay 400.
@Suite struct SegmentJobLookupTests {
  private func withServer(_ body: (PlatformClient) async throws -> Void) async throws {
    let backend = SandboxBackend(sandbox: try PersonaFixture.sandbox(), jobPhase: .zero)
    try await TestServer.with(backend: backend) { port in
      try await body(TestServer.client(port: port))
    }
  }

  @Test func gettingOrCancellingAnUnknownJobIs404() async throws {
    try await withServer { client in
      #expect(
        await TestServer.errorStatus { _ = try await client.getSegmentJob(id: "nope") } == 404)
      #expect(
        await TestServer.errorStatus {
          _ = try await client.send("DELETE", "/data/core/ups/segment/jobs/nope")
        } == 404)
    }
  }

  @Test func aKnownJobIsFoundAndCancellingItIs204() async throws {
    try await withServer { client in
      let segment = try await client.createSegmentDefinition(
        SegmentDefinition(
          name: "Women", expression: SegmentExpression(value: #"person.gender = "female""#))
      ).decode(SegmentDefinition.self)
      let job = try await client.createSegmentJob(segmentIDs: [try #require(segment.id)])
        .decode(SegmentJob.self)
      let read = try await client.getSegmentJob(id: job.id).decode(SegmentJob.self)
      #expect(read.status == "SUCCEEDED")
      let cancelled = try await client.send("DELETE", "/data/core/ups/segment/jobs/\(job.id)")
      #expect(cancelled.status == 204)
    }
  }

  @Test func aJobWithNothingToEvaluateIs400NotA404() async throws {
    try await withServer { client in
      #expect(
        await TestServer.errorStatus { _ = try await client.createSegmentJob(segmentIDs: ["*"]) }
          == 400)
    }
  }
}
