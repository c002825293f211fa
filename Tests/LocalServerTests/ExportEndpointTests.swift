import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Sandbox
import Testing

/// Catalog datasets and segment export jobs through the real client, server and Sandbox.
@Suite struct ExportEndpointTests {

  /// Creates the female segment and runs its job; returns the segment id.
  private func evaluatedFemales(_ client: PlatformClient) async throws -> String {
    let created = try await client.createSegmentDefinition(
      SegmentDefinition(
        name: "All female customers",
        expression: SegmentExpression(value: #"person.gender = "female""#))
    ).decode(SegmentDefinition.self)
    let id = try #require(created.id)
    _ = try await client.createSegmentJob(segmentIDs: [id])
    return id
  }

  /// `POST /catalog/dataSets` for `name`; returns the reply.
  private func createDataSet(_ client: PlatformClient, name: String) async throws -> PlatformReply {
    let body: JSONValue = [
      "name": .string(name),
      "schemaRef": [
        "id": "https://ns.adobe.com/xdm/context/profile__union",
        "contentType": "application/vnd.adobe.xed+json;version=1",
      ],
      "fileDescription": ["persisted": true, "containerFormat": "parquet", "format": "parquet"],
    ]
    return try await client.send(
      "POST", "/data/foundation/catalog/dataSets", body: Array(body.serialized().utf8))
  }

  private func exportBody(segmentID: String, datasetID: String) -> [UInt8] {
    let body: JSONValue = [
      "fields": "identities.id,personalEmail.address",
      "filter": ["segments": [["segmentId": .string(segmentID), "segmentNs": "ups"]]],
      "destination": ["datasetId": .string(datasetID), "segmentPerBatch": false],
      "schema": ["name": "_xdm.context.profile"],
    ]
    return Array(body.serialized().utf8)
  }

  @Test func aDatasetIsCreatedWith201AndTheCatalogsReferenceShape() async throws {
    try await TestServer.withPersona { client, _ in
      let reply = try await createDataSet(client, name: "Female customers")
      #expect(reply.status == 201)
      let reference = try #require(try reply.json().arrayValue?.first?.stringValue)
      #expect(reference.hasPrefix("@/dataSets/"))
      #expect(reference.count == "@/dataSets/".count + 24)
      // The name of a dataset the sandbox already holds is refused.
      #expect(
        await TestServer.errorStatus { _ = try await createDataSet(client, name: "CRM") } == 400)
    }
  }

  @Test func anExportJobWritesTheSegmentsMembersAndMovesToSucceeded() async throws {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, sandbox in
      let segmentID = try await evaluatedFemales(client)
      let reference = try await createDataSet(client, name: "Female customers").json()
      let datasetID = try #require(
        reference.arrayValue?.first?.stringValue?.replacingOccurrences(of: "@/dataSets/", with: ""))
      let created = try await client.send(
        "POST", "/data/core/ups/export/jobs",
        body: exportBody(segmentID: segmentID, datasetID: datasetID)
      ).json()
      #expect(created["status"] == "NEW")
      #expect(created["jobType"] == "BATCH")
      #expect(created[path: ["destination", "datasetId"]]?.stringValue == datasetID)
      #expect(created[path: ["metrics", "totalExportedProfileCounter"]] == nil)
      let id = try #require(created["id"]?.intValue)
      clock.advance(by: 11)
      let processing = try await client.send("GET", "/data/core/ups/export/jobs/\(id)").json()
      #expect(processing["status"] == "PROCESSING")
      clock.advance(by: 10)
      let done = try await client.send("GET", "/data/core/ups/export/jobs/\(id)").json()
      #expect(done["status"] == "SUCCEEDED")
      // Only the persona is female: one profile written, into the dataset with that id.
      #expect(done[path: ["metrics", "totalExportedProfileCounter"]] == 1)
      #expect(done[path: ["metrics", "totalTime", "totalTimeInMs"]] != nil)
      #expect(done[path: ["filter", "segments"]]?.arrayValue?.count == 1)
      let members = try sandbox.segmentMembers(segmentID, includingExited: false)
      #expect(members.count == 1)
      let list = try await client.send("GET", "/data/core/ups/export/jobs").json()
      #expect(list["records"]?.arrayValue?.count == 1)
      let batchID = try #require(done[path: ["destination", "batchId"]]?.stringValue)
      #expect(!batchID.isEmpty)
      let cancelled = try await client.send("DELETE", "/data/core/ups/export/jobs/\(id)").json()
      #expect(cancelled["status"] == true)
    }
  }

  @Test func anExportIntoAnUnknownDatasetOrOfAnUnknownSegmentIsRefused() async throws {
    try await TestServer.withPersona { client, _ in
      let segmentID = try await evaluatedFemales(client)
      let unknownDataset = await TestServer.errorStatus {
        _ = try await client.send(
          "POST", "/data/core/ups/export/jobs",
          body: exportBody(segmentID: segmentID, datasetID: "000000000000000000000000"))
      }
      #expect(unknownDataset == 400)
      let reference = try await createDataSet(client, name: "Exports").json()
      let datasetID = try #require(
        reference.arrayValue?.first?.stringValue?.replacingOccurrences(of: "@/dataSets/", with: ""))
      let unknownSegment = await TestServer.errorStatus {
        _ = try await client.send(
          "POST", "/data/core/ups/export/jobs",
          body: exportBody(segmentID: "no-such-segment", datasetID: datasetID))
      }
      #expect(unknownSegment == 404)
      let unknownJob = await TestServer.errorStatus {
        _ = try await client.send("GET", "/data/core/ups/export/jobs/4711")
      }
      #expect(unknownJob == 404)
    }
  }
}
