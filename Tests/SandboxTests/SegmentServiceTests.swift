import Foundation
import Identities
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Segmentation
import Testing

@testable import Sandbox

/// A temporary folder of datasets for the segmentation tests, removed at the end.
final class SegmentScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-segments-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes a dataset folder (`schema.json` + `records.ndjson`) and returns its path.
  @discardableResult
  func dataset(_ name: String, schema: String, records: [String]) throws -> String {
    let folder = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(schema.utf8).write(to: folder.appendingPathComponent("schema.json"))
    try Data((records.joined(separator: "\n") + "\n").utf8).write(
      to: folder.appendingPathComponent("records.ndjson"))
    return folder.path
  }
}

/// The module's persona (Lucas, male, who views the Montana Wind Jacket) and a few others.
enum SegmentPersona {
  static let ecid = "41235678290417653820014579632018456701"
  static let email = "lucas.moreau@example.com"

  static let webSchema = """
    {"name": "Demo System - Event Dataset for Website (Global v1.1)", "class": "experienceevent",
     "identities": [{"path": "ecid", "namespace": "ECID", "primary": true}]}
    """
  static let registrationSchema = """
    {"name": "Demo System - Profile Dataset for Website (Global v1.1)", "class": "profile",
     "identities": [{"path": "email", "namespace": "Email", "primary": true},
                    {"path": "ecid", "namespace": "ECID"}]}
    """
  static let crmSchema = """
    {"name": "Demo System - Profile Dataset for CRM (Global v1.1)", "class": "profile",
     "identities": [{"path": "crmId", "namespace": "CRMID", "primary": true},
                    {"path": "email", "namespace": "Email"}]}
    """

  static func view(_ id: String, ecid: String, product: String, at time: String) -> String {
    #"{"_id": "\#(id)", "timestamp": "\#(time)", "eventType": "commerce.productViews", "ecid": "\#(ecid)", "productListItems": [{"name": "\#(product)", "SKU": "X1"}]}"#
  }

  static func crm(_ id: String, email: String, first: String, gender: String) -> String {
    #"{"crmId": "\#(id)", "email": "\#(email)", "person": {"name": {"firstName": "\#(first)"}, "gender": "\#(gender)"}}"#
  }

  /// Ingests the profiles and an anonymous visit without the jacket.
  static func load(_ sandbox: Sandbox, in folder: SegmentScratchFolder) throws {
    try sandbox.ingest(
      path: folder.dataset(
        "registrations", schema: registrationSchema,
        records: [
          #"{"email": "\#(email)", "ecid": "\#(ecid)", "person": {"name": {"firstName": "Lucas"}}}"#,
          #"{"email": "maria.santos@example.com", "ecid": "42000000000000000000000000000000000002"}"#,
          #"{"email": "omar.haddad@example.com", "ecid": "42000000000000000000000000000000000003"}"#,
        ]))
    try sandbox.ingest(
      path: folder.dataset(
        "crm", schema: crmSchema,
        records: [
          crm("1478212", email: email, first: "Lucas", gender: "male"),
          crm("1478213", email: "maria.santos@example.com", first: "Maria", gender: "female"),
          crm("1478214", email: "omar.haddad@example.com", first: "Omar", gender: "male"),
          crm("1478215", email: "sophie.dubois@example.com", first: "Sophie", gender: "female"),
        ]))
    try sandbox.ingest(
      path: folder.dataset(
        "web-1", schema: webSchema,
        records: [
          view("evt-1", ecid: ecid, product: "Cassia Funnel Sweatshirt", at: "2024-05-01T09:00:00Z")
        ]))
  }

  static let jacketChain =
    #"person.gender in ["male"] and CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("MONTANA WIND JACKET", false)))])"#
  static let jacketSelect =
    #"person.gender in ["male"] and (select _Any1 from xEvent, _Any1__Product_list_items1 from _Any1.productListItems where _Any1__Product_list_items1.name.equals("MONTANA WIND JACKET", false))"#
}

@Suite struct SegmentServiceTests {
  static func sandbox() throws -> Sandbox {
    Sandbox(
      database: try LabDatabase.inMemory(),
      clock: { Date(timeIntervalSince1970: 1_714_557_600) })
  }

  static func status(_ sandbox: Sandbox, _ segment: String, email: String) throws -> String? {
    let entity = try sandbox.profile(namespace: "email", id: email).profile.entity
    return entity[path: ["segmentMembership", "ups", segment, "status"]]?.stringValue
  }

  @Test(arguments: [SegmentPersona.jacketChain, SegmentPersona.jacketSelect])
  func maleJacketViewersQualifyInRealTimeWhenTheViewIsIngested(pql: String) throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    try SegmentPersona.load(sandbox, in: folder)
    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "Male customers who viewed the Montana Wind Jacket",
        expression: SegmentExpression(value: pql),
        evaluationInfo: EvaluationInfo(batch: true, continuous: true)))
    let id = try #require(created.id)
    #expect(created.evaluationInfo?.continuous?.enabled == true)
    #expect(try Self.status(sandbox, id, email: SegmentPersona.email) == nil)

    try sandbox.ingest(
      path: folder.dataset(
        "web-2", schema: SegmentPersona.webSchema,
        records: [
          SegmentPersona.view(
            "evt-2", ecid: SegmentPersona.ecid, product: "Montana Wind Jacket",
            at: "2024-05-01T09:05:00Z")
        ]))
    #expect(try Self.status(sandbox, id, email: SegmentPersona.email) == "realized")
    let lookup = try sandbox.profile(namespace: "ECID", id: SegmentPersona.ecid)
    let time = lookup.entity?.entity[path: [
      "segmentMembership", "ups", id, "lastQualificationTime",
    ]]
    #expect(time == "2024-05-01T10:00:00Z")
    #expect(try Self.status(sandbox, id, email: "omar.haddad@example.com") == nil)
    let members = try sandbox.segmentMembers(id)
    #expect(members.map(\.primaryIdentity.id) == ["1478212"])
  }

  @Test func allFemaleCustomersIsABatchSegmentFromAPQLJSONBody() throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    try SegmentPersona.load(sandbox, in: folder)
    let tree = try PQLJSON.encode(#"person.gender in ["female"]"#)
    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "lucas - API - All Female Customers",
        expression: SegmentExpression(format: "pql/json", value: tree.serialized())))
    let id = try #require(created.id)
    #expect(created.expression.format == "pql/json")
    #expect(created.evaluationInfo?.batch?.enabled == true)
    #expect(created.evaluationInfo?.continuous?.enabled == false)
    #expect(try Self.status(sandbox, id, email: "maria.santos@example.com") == nil)

    let job = try sandbox.runSegmentJob(segmentIDs: [id])
    #expect(job.status == "SUCCEEDED")
    #expect(job.metrics["totalProfiles"] == 4)
    #expect(job.metrics[path: ["segmentedProfileCounter", id]] == 2)
    #expect(job.metrics[path: ["segmentedProfileByStatusCounter", id, "realized"]] == 2)
    #expect(job.metrics[path: ["segmentedProfileByNamespaceCounter", id, "Email"]] == 2)
    #expect(try Self.status(sandbox, id, email: "maria.santos@example.com") == "realized")
    #expect(try Self.status(sandbox, id, email: SegmentPersona.email) == nil)
    #expect(try sandbox.segmentJob(job.id) == job)
  }

  @Test func successiveJobsMoveMembersFromRealizedToExistingToExited() throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    try SegmentPersona.load(sandbox, in: folder)
    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "Female customers", expression: SegmentExpression(value: #"person.gender = "female""#)
      ))
    let id = try #require(created.id)
    let maria = "maria.santos@example.com"
    _ = try sandbox.runSegmentJob()
    #expect(try Self.status(sandbox, id, email: maria) == "realized")
    let second = try sandbox.runSegmentJob(segmentIDs: ["Female customers"])
    #expect(try Self.status(sandbox, id, email: maria) == "existing")
    #expect(second.metrics[path: ["segmentedProfileByStatusCounter", id, "existing"]] == 2)
    try sandbox.ingest(
      path: folder.dataset(
        "crm-fix", schema: SegmentPersona.crmSchema,
        records: [SegmentPersona.crm("1478213", email: maria, first: "Maria", gender: "male")]))
    let third = try sandbox.runSegmentJob(segmentIDs: [id])
    #expect(try Self.status(sandbox, id, email: maria) == "exited")
    #expect(third.metrics[path: ["segmentedProfileByStatusCounter", id, "exited"]] == 1)
    #expect(third.metrics[path: ["segmentedProfileCounter", id]] == 1)
    #expect(try sandbox.segmentJobs().count == 3)
  }

  @Test func streamingIsRefusedWithTheReasonForAnIneligibleExpression() throws {
    let sandbox = try Self.sandbox()
    let request = SegmentDefinition(
      name: "Frequent viewers",
      expression: SegmentExpression(
        value:
          #"xEvent[eventType = "commerce.productViews" and timestamp occurs <= 7 days before now].count() > 2"#
      ),
      evaluationInfo: EvaluationInfo(batch: true, continuous: true))
    #expect {
      try sandbox.createSegment(request)
    } throws: { error in
      guard case SandboxError.segmentation(.ineligible(.streaming, let reason)) = error else {
        return false
      }
      return reason.contains("24 hours")
    }
    #expect(try sandbox.segmentDefinitions().isEmpty)
  }

  @Test func aSegmentOfSegmentsReadsTheMembershipsOfTheSameJob() throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    try SegmentPersona.load(sandbox, in: folder)
    let males = try sandbox.createSegment(
      SegmentDefinition(
        name: "Males", expression: SegmentExpression(value: #"person.gender = "male""#)))
    let maleID = try #require(males.id)
    let named = try sandbox.createSegment(
      SegmentDefinition(
        name: "Males called Omar",
        expression: SegmentExpression(
          value: #"person.name.firstName = "Omar" and inSegment("\#(maleID)")"#)))
    let namedID = try #require(named.id)
    let job = try sandbox.runSegmentJob()
    #expect(job.metrics[path: ["segmentedProfileCounter", namedID]] == 1)
    #expect(try Self.status(sandbox, namedID, email: "omar.haddad@example.com") == "realized")
  }

  @Test func estimatesPreviewsAndExportsCountTheQualifyingProfiles() throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    try SegmentPersona.load(sandbox, in: folder)
    let audience = try sandbox.previewSegment(
      expression: SegmentExpressionSource(value: #"person.gender = "female""#), limit: 1)
    #expect(audience.estimate.estimatedSize == 2)
    #expect(audience.estimate.totalRows == 4)
    #expect(audience.samples.count == 1)
    #expect(audience.preview["results"]?.arrayValue?.count == 1)

    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "Women", expression: SegmentExpression(value: #"person.gender = "female""#)))
    _ = try sandbox.runSegmentJob()
    let report = try sandbox.exportSegment(try #require(created.id), datasetName: "Women export")
    #expect(report.accepted == 2)
    #expect(try sandbox.store.datasets().contains { $0.name == "Women export" })
    try sandbox.deleteSegment("Women")
    let maria = try sandbox.profile(namespace: "email", id: "maria.santos@example.com")
    #expect(maria.profile.entity[path: ["segmentMembership", "ups"]] == nil)
  }

  @Test func definitionsAreUpdatedAndDeletedByIdOrName() throws {
    let sandbox = try Self.sandbox()
    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "Gold", expression: SegmentExpression(value: #"loyalty.level = "Gold""#)))
    #expect(throws: SandboxError.self) {
      try sandbox.createSegment(
        SegmentDefinition(name: "gold", expression: SegmentExpression(value: "true")))
    }
    var request = created
    request.description = "Gold members"
    let updated = try sandbox.updateSegment("Gold", with: request)
    #expect(updated.id == created.id)
    #expect(updated.description == "Gold members")
    try sandbox.deleteSegment(try #require(created.id))
    #expect(throws: SandboxError.self) { try sandbox.segmentDefinition("Gold") }
    #expect(throws: SandboxError.self) {
      try sandbox.createSegment(
        SegmentDefinition(name: "Broken", expression: SegmentExpression(value: "person.gender =")))
    }
  }

  @Test func aLargeIngestReEvaluatesEveryTouchedProfileForStreamingSegments() throws {
    let folder = try SegmentScratchFolder()
    let sandbox = try Self.sandbox()
    let created = try sandbox.createSegment(
      SegmentDefinition(
        name: "Women", expression: SegmentExpression(value: #"person.gender = "female""#),
        evaluationInfo: EvaluationInfo(batch: true, continuous: true)))
    let records = (0..<2_500).map { index in
      SegmentPersona.crm(
        "C\(index)", email: "p\(index)@example.com", first: "P\(index)",
        gender: index % 5 == 0 ? "female" : "male")
    }
    let report = try sandbox.ingest(
      path: folder.dataset("crm", schema: SegmentPersona.crmSchema, records: records))
    #expect(report.affectedGraphIDs.count == 2_500)
    #expect(try sandbox.segmentMembers(try #require(created.id)).count == 500)
  }
}
