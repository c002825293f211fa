import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Testing

/// Segment definitions and jobs through the real client, server and Sandbox.
@Suite struct SegmentEndpointTests {

  private let females = SegmentDefinition(
    name: "All female customers",
    expression: SegmentExpression(value: #"person.gender = "female""#))

  @Test func aDefinitionIsCreatedReadListedUpdatedAndDeleted() async throws {
    try await TestServer.withPersona { client, _ in
      let created = try await client.createSegmentDefinition(females).decode(
        SegmentDefinition.self)
      let id = try #require(created.id)
      #expect(created.evaluationInfo?.batch?.enabled == true)
      let read = try await client.getSegmentDefinition(id: id).decode(SegmentDefinition.self)
      #expect(read.name == females.name)
      let list = try await client.send("GET", "/data/core/ups/segment/definitions").json()
      #expect(list["segments"]?.arrayValue?.count == 1)
      #expect(list[path: ["page", "totalCount"]] == 1)
      var renamed = females
      renamed.name = "Women"
      let updated = try await client.send(
        "PATCH", "/data/core/ups/segment/definitions/\(id)",
        body: Array(try JSONEncoder().encode(renamed))
      ).decode(SegmentDefinition.self)
      #expect(updated.name == "Women")
      #expect(updated.id == id)
      _ = try await client.send("DELETE", "/data/core/ups/segment/definitions/\(id)")
      await #expect(throws: PlatformAPIError.self) {
        try await client.getSegmentDefinition(id: id)
      }
    }
  }

  @Test func aPqlJsonBodyFromTheTutorialIsAccepted() async throws {
    try await TestServer.withPersona { client, _ in
      let tree =
        #"{\"nodeType\":\"fnApply\",\"fnName\":\"in\",\"params\":[{\"nodeType\":\"fieldLookup\",\"fieldName\":\"gender\",\"object\":{\"nodeType\":\"fieldLookup\",\"fieldName\":\"person\",\"object\":{\"nodeType\":\"literal\",\"literalType\":\"XDMObject\",\"value\":\"profile\"}}},{\"nodeType\":\"literal\",\"literalType\":\"List\",\"value\":[\"female\"]}]}"#
      let body =
        #"{"name": "API - All Female Customer", "createdBy": "ldap", "ttlInDays": 90, "schema": {"name": "_xdm.context.profile"}, "expression": {"type": "PQL", "format": "pql/json", "value": "\#(tree)"}}"#
      let created = try await client.createSegmentDefinition(body: Array(body.utf8))
      #expect(try created.decode(SegmentDefinition.self).expression.format == "pql/json")
    }
  }

  @Test func invalidPQLIsRefusedWith400() async throws {
    try await TestServer.withPersona { client, _ in
      let broken = SegmentDefinition(
        name: "Broken", expression: SegmentExpression(value: "person.gender ="))
      let status = await TestServer.errorStatus {
        _ = try await client.createSegmentDefinition(broken)
      }
      #expect(status == 400)
    }
  }

  @Test func aDuplicateNameIs422() async throws {
    try await TestServer.withPersona { client, _ in
      _ = try await client.createSegmentDefinition(females)
      let status = await TestServer.errorStatus {
        _ = try await client.createSegmentDefinition(females)
      }
      #expect(status == 422)
    }
  }

  @Test func aJobIsQueuedThenProcessingThenSucceededWithCounts() async throws {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, _ in
      let created = try await client.createSegmentDefinition(females).decode(
        SegmentDefinition.self)
      let segmentID = try #require(created.id)
      let job = try await client.createSegmentJob(segmentIDs: [segmentID]).decode(SegmentJob.self)
      #expect(job.status == "QUEUED")
      #expect(job.metrics["segmentedProfileCounter"] == nil)
      #expect(job.metrics[path: ["totalTime", "startTimeInMs"]] != nil)
      clock.advance(by: 11)
      #expect(
        try await client.getSegmentJob(id: job.id).decode(SegmentJob.self).status == "PROCESSING")
      clock.advance(by: 10)
      let done = try await client.getSegmentJob(id: job.id).decode(SegmentJob.self)
      #expect(done.status == "SUCCEEDED")
      #expect(done.metrics[path: ["segmentedProfileCounter", segmentID]] == 1)
      let list = try await client.send("GET", "/data/core/ups/segment/jobs").json()
      #expect(list[path: ["_page", "totalCount"]] == 1)
      // The persona's profile now carries the membership.
      let profile = try await client.getProfile(namespace: "email", id: PersonaFixture.email)
      let entity = try #require(try profile.json().objectValue?.values.first)
      #expect(
        entity[path: ["entity", "segmentMembership", "ups", segmentID, "status"]] == "realized")
    }
  }

  @Test func anUnknownJobIs404AndAnUnknownSegmentCannotRun() async throws {
    try await TestServer.withPersona { client, _ in
      for call in [
        { () async throws in _ = try await client.getSegmentJob(id: "no-such-job") },
        { () async throws in _ = try await client.createSegmentJob(segmentIDs: ["no-such-segment"])
        },
      ] {
        await #expect {
          try await call()
        } throws: { error in
          guard case PlatformAPIError.platform(let status, _, _) = error else { return false }
          return status == 404
        }
      }
    }
  }
}
