import Foundation
import LabCore
import LocalServer
import PlatformAPI
import Sandbox
import Segmentation
import Testing

/// Previews and estimates through the real client, server and Sandbox.
@Suite struct PreviewEndpointTests {

  private let females = #"person.gender = "female""#

  /// The entity id the profile lookup gives the persona: the XID a preview lists.
  private func personaXID(_ client: PlatformClient) async throws -> String {
    let profile = try await client.getProfile(namespace: "email", id: PersonaFixture.email)
    return try #require(try profile.json().objectValue?.keys.first)
  }

  @Test func aPreviewIsCreatedWith201AndItsEstimateHasTheSameId() async throws {
    try await TestServer.withPersona { client, _ in
      let reply = try await client.createPreview(PreviewRequest(predicateExpression: females))
      #expect(reply.status == 201)
      let created = try reply.decode(PreviewCreated.self)
      #expect(created.state == "NEW")
      #expect(created.previewQueryStatus == "NEW")
      #expect(!created.previewQueryId.isEmpty)
      #expect(!created.previewId.contains("/"))
      let estimate = try await client.getEstimate(previewID: created.previewId)
      #expect(estimate.status == 200)
    }
  }

  @Test func theEstimateMovesFromNewThroughRunningToResultReadyWithTheSandboxCounts()
    async throws
  {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, sandbox in
      let created = try await client.createPreview(PreviewRequest(predicateExpression: females))
        .decode(PreviewCreated.self)
      var estimate = try await client.getEstimate(previewID: created.previewId)
        .decode(SegmentEstimate.self)
      #expect(estimate.state == "NEW")
      #expect(estimate.estimatedSize == 0)
      clock.advance(by: 11)
      estimate = try await client.getEstimate(previewID: created.previewId)
        .decode(SegmentEstimate.self)
      #expect(estimate.state == "RUNNING")
      clock.advance(by: 10)
      estimate = try await client.getEstimate(previewID: created.previewId)
        .decode(SegmentEstimate.self)
      #expect(estimate.state == "RESULT_READY")
      // The persona (female, from the CRM) qualifies; the crowd's profile has no gender.
      #expect(estimate.estimatedSize == 1)
      #expect(estimate.profilesMatchedSoFar == 1)
      #expect(estimate.totalRows == 2)
      #expect(estimate.confidenceInterval == "95%")
      let expected = try sandbox.previewSegment(expression: SegmentExpressionSource(value: females))
      #expect(estimate.estimatedSize == expected.estimate.estimatedSize)
      #expect(
        estimate.estimatedNamespaceDistribution
          == expected.estimate.estimatedNamespaceDistribution)
      #expect(estimate.estimatedNamespaceDistribution?.first?["namespaceId"]?.stringValue != nil)
      #expect(
        estimate.links?["preview"]?.stringValue == "/data/core/ups/preview/\(created.previewId)")
    }
  }

  @Test func thePreviewListsTheQualifyingProfileByXIDOnceReady() async throws {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, _ in
      let created = try await client.createPreview(PreviewRequest(predicateExpression: females))
        .decode(PreviewCreated.self)
      let running = try await client.getPreview(previewID: created.previewId).json()
      #expect(running["state"] == "NEW")
      #expect(running["results"]?.arrayValue?.isEmpty == true)
      clock.advance(by: 21)
      let ready = try await client.getPreview(previewID: created.previewId).json()
      #expect(ready["state"] == "RESULT_READY")
      let results = try #require(ready["results"]?.arrayValue)
      #expect(results.count == 1)
      let xid = try await personaXID(client)
      #expect(
        results.first?[path: [xid, "_href"]]?.stringValue == "/data/core/ups/models/profile/\(xid)")
      #expect(ready[path: ["page", "offset"]] == 0)
      #expect(ready[path: ["page", "size"]] == 1)
      #expect(ready[path: ["links", "next"]] == "")
    }
  }

  @Test func thePreviewPagesWithOffsetAndLimit() async throws {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, _ in
      // Both profiles have a first name.
      let created = try await client.createPreview(
        PreviewRequest(predicateExpression: "person.name.firstName.isNotNull()")
      ).decode(PreviewCreated.self)
      clock.advance(by: 21)
      let path = "/data/core/ups/preview/\(created.previewId)"
      let first = try await client.send("GET", path, query: [("offset", "0"), ("limit", "1")])
        .json()
      #expect(first["results"]?.arrayValue?.count == 1)
      #expect(first[path: ["links", "next"]] == .string("\(path)?offset=1&limit=1"))
      let second = try await client.send("GET", path, query: [("offset", "1"), ("limit", "1")])
        .json()
      #expect(second["results"]?.arrayValue?.count == 1)
      #expect(second["results"] != first["results"])
      #expect(second[path: ["links", "next"]] == "")
      let status = await TestServer.errorStatus {
        _ = try await client.send("GET", path, query: [("limit", "none")])
      }
      #expect(status == 400)
    }
  }

  @Test func aDeletedPreviewAndItsEstimateAreGone() async throws {
    try await TestServer.withPersona { client, _ in
      let created = try await client.createPreview(PreviewRequest(predicateExpression: females))
        .decode(PreviewCreated.self)
      let deleted = try await client.send("DELETE", "/data/core/ups/preview/\(created.previewId)")
        .json()
      #expect(deleted["status"] == true)
      for call in [
        { () async throws in _ = try await client.getPreview(previewID: created.previewId) },
        { () async throws in _ = try await client.getEstimate(previewID: created.previewId) },
        { () async throws in
          _ = try await client.send("DELETE", "/data/core/ups/preview/\(created.previewId)")
        },
      ] {
        #expect(await TestServer.errorStatus(call) == 404)
      }
    }
  }

  @Test func invalidPQLIsA400WithTheDiagnostic() async throws {
    try await TestServer.withPersona { client, _ in
      do {
        _ = try await client.createPreview(PreviewRequest(predicateExpression: "person.gender ="))
        Issue.record("invalid PQL was accepted")
      } catch PlatformAPIError.platform(let status, let body, _) {
        #expect(status == 400)
        let problem = try JSONParser.parse(body)
        #expect(problem["title"] == "BadRequestError")
        #expect(problem["detail"]?.stringValue?.isEmpty == false)
      }
    }
  }

  @Test func aPqlJsonPredicateIsCountedLikeItsText() async throws {
    let clock = TestClock()
    try await TestServer.withPersona(clock: clock) { client, _ in
      let tree =
        #"{"nodeType":"fnApply","fnName":"in","params":[{"nodeType":"fieldLookup","fieldName":"gender","object":{"nodeType":"fieldLookup","fieldName":"person","object":{"nodeType":"literal","literalType":"XDMObject","value":"profile"}}},{"nodeType":"literal","literalType":"List","value":["female"]}]}"#
      let created = try await client.createPreview(
        PreviewRequest(predicateExpression: tree, predicateType: "pql/json")
      ).decode(PreviewCreated.self)
      clock.advance(by: 21)
      let estimate = try await client.getEstimate(previewID: created.previewId)
        .decode(SegmentEstimate.self)
      #expect(estimate.estimatedSize == 1)
    }
  }

  @Test func anUnknownModelOrGraphTypeIs400() async throws {
    try await TestServer.withPersona { client, _ in
      for request in [
        PreviewRequest(
          predicateExpression: females, predicateModel: "_xdm.context.experienceevent"),
        PreviewRequest(predicateExpression: females, graphType: "everything"),
        PreviewRequest(predicateExpression: females, predicateType: "sql"),
      ] {
        #expect(await TestServer.errorStatus { _ = try await client.createPreview(request) } == 400)
      }
    }
  }
}
