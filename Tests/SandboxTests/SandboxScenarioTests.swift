import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

@Suite struct SandboxScenarioTests {
  static func ecid(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: 38 - digits.count) + digits
  }

  @Test func fragmentsLinkAcrossDatasetsThroughASharedEmail() throws {
    let folder = try TemporaryFolder()
    try folder.write("a-crm/schema.json", SandboxFixture.crmSchema)
    try folder.write(
      "a-crm/records.ndjson",
      #"{"crm": "C1", "email": "eve@example.com", "person": {"gender": "female"}}"#)
    try folder.write(
      "b-web/schema.json",
      #"{"name": "Web", "class": "profile", "identities": [{"path": "email", "namespace": "Email", "primary": true}, {"path": "ecid", "namespace": "ECID"}]}"#
    )
    try folder.write(
      "b-web/records.ndjson",
      #"{"email": "eve@example.com", "ecid": "\#(Self.ecid(5))", "person": {"name": {"firstName": "Eve"}}}"#
    )
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: folder.url.path)
    #expect(report.batches.map(\.datasetName) == ["CRM", "Web"])
    let byECID = try sandbox.profile(namespace: "ecid", id: Self.ecid(5))
    #expect(byECID.profile.entity[path: ["person", "gender"]] == "female")
    #expect(byECID.profile.entity[path: ["person", "name", "firstName"]] == "Eve")
    #expect(try sandbox.profile(namespace: "crmid", id: "C1").response == byECID.response)
  }

  @Test func aRecordWithASingleIdentityIsAProfileOfItsOwn() throws {
    let folder = try TemporaryFolder()
    let data = try folder.write(
      "solo.ndjson",
      #"{"identityMap": {"Email": [{"id": "solo@example.com"}]}, "person": {"name": {"firstName": "Solo"}}}"#
    )
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data)
    #expect(report.linksEstablished == 0)
    let lookup = try sandbox.profile(namespace: "email", id: "solo@example.com")
    #expect(lookup.profile.identities == [Identity(namespace: "Email", id: "solo@example.com")])
    #expect(try sandbox.graph(namespace: "email", id: "solo@example.com").links.isEmpty)
  }

  @Test func the51stIdentityIsRemovedFirstInFirstOut() throws {
    let lines = (1...50).map { n in
      #"{"identityMap": {"Email": [{"id": "hub@example.com", "primary": true}], "ECID": [{"id": "\#(Self.ecid(n))"}]}}"#
    }
    let folder = try TemporaryFolder()
    let data = try folder.write("hub.ndjson", lines.joined(separator: "\n"))
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data, datasetName: "Hub")
    #expect(report.linksRemoved == 1)
    let lookup = try sandbox.profile(namespace: "email", id: "hub@example.com")
    #expect(lookup.profile.identities.count == 50)
    #expect(!lookup.profile.identities.contains(Identity(namespace: "ECID", id: Self.ecid(1))))
    let explanation = try sandbox.explainLink(
      namespace: "ecid", id: Self.ecid(1), toNamespace: "email", toID: "hub@example.com")
    #expect(explanation.chain == nil)
    #expect(explanation.formerChain?.first?.state == .removedByGraphLimit)
  }

  @Test func aGraphOverTheLookupLimitAnswersTooManyRelatedIdentities() throws {
    let lines = (1...51).map { n in
      #"{"identityMap": {"Email": [{"id": "hub@example.com", "primary": true}], "ECID": [{"id": "\#(Self.ecid(n))"}]}}"#
    }
    let folder = try TemporaryFolder()
    let data = try folder.write("hub.ndjson", lines.joined(separator: "\n"))
    let sandbox = try SandboxFixture.sandbox(graphLimit: nil)
    try sandbox.ingest(path: data, datasetName: "Hub")
    let hub = Identity(namespace: "Email", id: "hub@example.com")
    #expect(throws: SandboxError.tooManyRelatedIdentities(hub, count: 52, limit: 50)) {
      try sandbox.profile(namespace: "email", id: "hub@example.com")
    }
    let body = ProfileAccessError.tooManyRelatedIdentities(count: 52, limit: 50)
    #expect(body.message == "Too many related identities")
    #expect(body.statusCode == "422")
  }

  @Test func uniqueNamespacesStopASharedEmailFromMergingTwoCRMIDs() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.setIdentityRules(unique: ["CRMID"], priority: ["CRMID", "Email", "Phone", "ECID"])
    let folder = try TemporaryFolder()
    let schema = try folder.write("crm.schema.json", SandboxFixture.crmSchema)
    let first = try folder.write(
      "one.ndjson", #"{"crm": "A", "email": "test@test.com", "person": {"gender": "female"}}"#)
    let second = try folder.write(
      "two.ndjson", #"{"crm": "B", "email": "test@test.com", "person": {"gender": "male"}}"#)
    try sandbox.ingest(path: first, datasetName: "CRM", schemaPath: schema)
    try sandbox.ingest(path: second, datasetName: "CRM", schemaPath: schema)
    let a = try sandbox.profile(namespace: "crmId", id: "A")
    let b = try sandbox.profile(namespace: "crmId", id: "B")
    #expect(a.profile.identities == [Identity(namespace: "CRMID", id: "A")])
    #expect(Set(b.profile.identities.map(\.namespace)) == ["CRMID", "Email"])
    #expect(a.profile.entity[path: ["person", "gender"]] == "female")
    #expect(b.profile.entity[path: ["person", "gender"]] == "male")
  }

  @Test func aSharedDeviceFollowsTheLastAuthenticatedPerson() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.setIdentityRules(unique: ["CRMID"], priority: ["CRMID", "ECID"])
    let device = Self.ecid(77)
    let folder = try TemporaryFolder()
    try folder.write(
      "events/schema.json",
      #"{"name": "Logins", "class": "experienceevent", "identities": [{"path": "crm", "namespace": "CRMID"}, {"path": "ecid", "namespace": "ECID"}]}"#
    )
    try folder.write(
      "events/records.ndjson",
      #"{"_id": "l1", "timestamp": "2024-05-01T08:00:00Z", "crm": "A", "ecid": "\#(device)"}"#
        + "\n"
        + #"{"_id": "l2", "timestamp": "2024-05-01T20:00:00Z", "crm": "B", "ecid": "\#(device)"}"#)
    try sandbox.ingest(path: folder.path("events"))
    let picture = try sandbox.graph(namespace: "ecid", id: device)
    #expect(
      Set(picture.identities) == [
        Identity(namespace: "ECID", id: device), Identity(namespace: "CRMID", id: "B"),
      ])
    let events = try sandbox.events(namespace: "crmid", id: "A").response
    #expect(events.children.map(\.entityId) == ["l1"])
  }

  @Test func aSecondConnectionReadsWhatTheFirstStored() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("state/lab.sqlite")
    let writer = Sandbox(database: try LabDatabase.open(at: path))
    try writer.ingest(path: SandboxFixture.lumaPath)
    let reader = Sandbox(database: try LabDatabase.open(at: path))
    let lookup = try reader.profile(namespace: "phone", id: SandboxFixture.persona.phone)
    #expect(lookup.profile.identities.count == 7)
    #expect(try reader.datasets().count == 5)
  }

  @Test func aFailedIngestLeavesThePreviousStateIntact() throws {
    let folder = try TemporaryFolder()
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    try folder.write(
      "broken/schema.json",
      #"{"name": "Broken", "class": "profile", "identities": [{"path": "e", "namespace": "Nope"}]}"#
    )
    try folder.write("broken/records.ndjson", #"{"e": "x"}"#)
    let before = try sandbox.profile(namespace: "email", id: SandboxFixture.persona.email).response
    let report = try sandbox.ingest(path: folder.path("broken"), strict: true)
    #expect(!report.committed)
    #expect(
      try sandbox.profile(namespace: "email", id: SandboxFixture.persona.email).response == before)
    #expect(try sandbox.datasets().count == 5)
  }

  @Test func namespacesAndMergePolicyErrorsAreExplained() throws {
    let sandbox = try SandboxFixture.sandbox()
    let created = try sandbox.createNamespace(
      code: "memberId", name: "Member ID", type: "cross-device")
    #expect(created.isCustom)
    #expect(try sandbox.registry().namespace(for: "MEMBERID")?.name == "Member ID")
    #expect(throws: SandboxError.self) {
      try sandbox.createNamespace(code: "email", name: "E", type: "email")
    }
    #expect(
      throws: SandboxError.invalidRequest(
        "'banana' is not an identity type. Use one of: cookie, device, cross_device, email, phone, mobile, partner, non_people"
      )
    ) {
      try sandbox.createNamespace(code: "x", name: "X", type: "banana")
    }
    let error = SandboxError.unknownNamespace("emial", known: ["ECID", "Email"])
    #expect(error.errorDescription?.contains("Did you mean 'Email'?") == true)
    #expect(throws: SandboxError.self) {
      try sandbox.createMergePolicy(
        name: "P", attributeMerge: "dataSetPrecedence", datasetOrder: ["Nope"], identityGraph: "pdg"
      )
    }
    #expect(throws: SandboxError.mergePolicy(.defaultCannotBeDeleted("Default Timebased"))) {
      try sandbox.deleteMergePolicy("Default Timebased")
    }
  }
}

@Suite struct ReingestTests {
  @Test func ingestingTheSameEventsTwiceCountsEachEventOnce() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let lookup = try sandbox.profile(namespace: "email", id: SandboxFixture.persona.email)
    #expect(lookup.eventCount == 8)
    #expect(lookup.profile.identities.count == 7)
    let events = try sandbox.events(namespace: "email", id: SandboxFixture.persona.email).response
    #expect(events.page.count == 8)
  }
}
