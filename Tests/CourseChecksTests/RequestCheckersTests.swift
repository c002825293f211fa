import Curriculum
import Foundation
import Identities
import Sandbox
import Segmentation
import Testing

@testable import CourseChecks

/// Exercises 4, 5, 7 and 9: answers sent to a local server started by the check, over real
/// loopback sockets, and judged by what it answers.
@Suite struct RequestCheckersTests {
  static let headers = """
    Authorization: Bearer {{ACCESS_TOKEN}}
    x-api-key: {{API_KEY}}
    x-gw-ims-org-id: {{IMS_ORG}}
    x-sandbox-name: {{SANDBOX_NAME}}
    """

  static func lookup(_ query: String, headers: String = headers) -> String {
    "GET https://platform.adobe.io/data/core/ups/access/entities?\(query)\n\(headers)\n"
  }

  static func messages(_ report: CheckReport) -> String {
    report.findings.map { "\($0.message) [\($0.fix ?? "")]" }.joined(separator: "\n")
  }

  // MARK: - Exercise 4

  @Test func theStarterOfExercise4FailsSayingTheFileHoldsNoRequest() async throws {
    let report = try await CourseExercise.check("exercise-4", starter: true)
    #expect(!report.isPassed)
    #expect(report.findings.first?.message.contains("request") == true, "\(Self.messages(report))")
    #expect(report.findings.first?.location?.hasSuffix("lookup-by-phone.http:3") == true)
  }

  @Test func thePhoneLookupReturnsTheProfileOfTheECIDAndTheEmail() async throws {
    let report = try await CourseExercise.check("exercise-4")
    #expect(report.isPassed, "\(Self.messages(report))")
    #expect(report.notes.first?.contains("same profile as by ECID and email") == true)
  }

  @Test func aPlusSentUnencodedFailsAndSaysToWritePercent2B() async throws {
    let report = try await CourseExercise.check(
      "exercise-4",
      replacing: [
        "lookup-by-phone.http": Self.lookup(
          "schema.name=_xdm.context.profile&entityId=+32473622044&entityIdNS=phone")
      ])
    let finding = try #require(report.findings.first)
    #expect(finding.found == "404", "\(Self.messages(report))")
    #expect(finding.fix?.contains("%2B") == true)
  }

  @Test func aLookupThroughAnotherNamespaceIsNotTheOneAskedFor() async throws {
    let report = try await CourseExercise.check(
      "exercise-4",
      replacing: [
        "lookup-by-phone.http": Self.lookup(
          "schema.name=_xdm.context.profile&entityId=lucas.moreau@example.com&entityIdNS=email")
      ])
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("'entityIdNS'"))
    #expect(finding.expected == "phone" && finding.found == "email")
  }

  @Test func anotherCustomersPhoneReturnsAnotherProfile() async throws {
    let sandbox = try DemoSandbox.make(seed: 1)
    let other = try #require(
      try sandbox.audience(expression: .init(value: "mobilePhone.number.isNotNull()")).first {
        !$0.identities.contains { $0.id == "lucas.moreau@example.com" }
      })
    let phone = try #require(other.identities.first { $0.namespace == "Phone" }?.id)
    let encoded = phone.replacingOccurrences(of: "+", with: "%2B")
    let report = try await CourseExercise.check(
      "exercise-4",
      replacing: [
        "lookup-by-phone.http": Self.lookup(
          "schema.name=_xdm.context.profile&entityId=\(encoded)&entityIdNS=Phone")
      ])
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("another profile"), "\(Self.messages(report))")
  }

  @Test func aMissingHeaderIsReportedWithTheServersExplanation() async throws {
    let report = try await CourseExercise.check(
      "exercise-4",
      replacing: [
        "lookup-by-phone.http": Self.lookup(
          "schema.name=_xdm.context.profile&entityId=%2B32473622044&entityIdNS=phone",
          headers: "Authorization: Bearer {{ACCESS_TOKEN}}\nx-sandbox-name: {{SANDBOX_NAME}}")
      ])
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("status 4"), "\(Self.messages(report))")
    #expect(
      finding.message.lowercased().contains("api key"),
      "\(finding.message)")
  }

  @Test func aURLWrittenAgainstALocalAddressIsRefusedBeforeSending() async throws {
    let report = try await CourseExercise.check(
      "exercise-4",
      replacing: [
        "lookup-by-phone.http":
          "GET http://127.0.0.1:8080/data/core/ups/access/entities?entityIdNS=phone\n"
      ])
    #expect(report.findings.first?.message.contains("not written against the Platform") == true)
  }

  // MARK: - Exercise 5

  @Test func theEventsByEmailAreAllOfTheProfilesFromThreeECIDs() async throws {
    let report = try await CourseExercise.check("exercise-5")
    #expect(report.isPassed, "\(Self.messages(report))")
    #expect(report.notes.first?.contains("from 3 ECIDs") == true, "\(report.notes)")
  }

  @Test func aFirstPageOnlyFailsAndSaysSo() async throws {
    let report = try await CourseExercise.check(
      "exercise-5",
      replacing: [
        "events-by-email.http": Self.lookup(
          "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile"
            + "&relatedEntityId=lucas.moreau@example.com&relatedEntityIdNS=email&limit=3")
      ])
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("first page"), "\(Self.messages(report))")
    #expect(finding.found == "3 events")
  }

  @Test func aWrongECIDCountNamesTheField() async throws {
    let report = try await CourseExercise.check(
      "exercise-5", replacing: ["answers.json": #"{"distinctECIDs": 8}"#])
    let finding = try #require(report.findings.first)
    #expect(finding.location?.hasSuffix("distinctECIDs") == true)
    #expect(finding.found == "8")
  }

  @Test func theStarterOfExercise5FailsOnTheEmptyRequestFile() async throws {
    let report = try await CourseExercise.check("exercise-5", starter: true)
    #expect(!report.isPassed)
  }

  // MARK: - Exercise 7

  @Test func aPQLTextBodyPassesLikeThePQLJSONSolution() async throws {
    let body = """
      {"name": "Sam - API - All Female Customers",
       "expression": {"type": "PQL", "format": "pql/text", "value": "person.gender = \\"female\\""},
       "schema": {"name": "_xdm.context.profile"}}
      """
    let text = try await CourseExercise.check(
      "exercise-7", replacing: ["segment-definition.json": body])
    #expect(text.isPassed, "\(Self.messages(text))")
    let json = try await CourseExercise.check("exercise-7")
    #expect(json.isPassed, "\(Self.messages(json))")
    #expect(json.notes.contains { $0.contains("unseen variant") })
  }

  @Test func theWrongAudienceNamesACounterexample() async throws {
    let body = """
      {"name": "API - All Female Customers",
       "expression": {"type": "PQL", "format": "pql/text", "value": "person.gender != \\"male\\""},
       "schema": {"name": "_xdm.context.profile"}}
      """
    let report = try await CourseExercise.check(
      "exercise-7", replacing: ["segment-definition.json": body])
    let finding = try #require(report.findings.first)
    #expect(finding.message.contains("includes a profile it should leave out"))
    #expect(finding.message.contains("person.gender"))
  }

  @Test func invalidPQLShowsTheCaret() async throws {
    let body = """
      {"name": "API - All Female Customers",
       "expression": {"type": "PQL", "format": "pql/text", "value": "person.gender = "},
       "schema": {"name": "_xdm.context.profile"}}
      """
    let report = try await CourseExercise.check(
      "exercise-7", replacing: ["segment-definition.json": body])
    #expect(report.findings.first?.message.contains("not valid PQL") == true)
    #expect(report.notes.first?.contains("^") == true)
  }

  @Test func theStarterOfExercise7FailsOnTheName() async throws {
    let report = try await CourseExercise.check("exercise-7", starter: true)
    #expect(report.findings.first?.location?.hasSuffix("› name") == true)
  }

  // MARK: - Exercise 9

  @Test func theExportWritesOneRowPerMember() async throws {
    let report = try await CourseExercise.check("exercise-9")
    #expect(report.isPassed, "\(Self.messages(report))")
    #expect(report.notes.first?.contains("SUCCEEDED") == true)
  }

  @Test func aSegmentIdWrittenLiterallyAsksForTheVariable() async throws {
    let job = """
      {"filter": {"segments": [{"segmentId": "1191a541-a343-4e3c-abb3-75dad356ee30"}]},
       "destination": {"datasetId": "{{DATASET_ID}}"}, "schema": {"name": "_xdm.context.profile"}}
      """
    let report = try await CourseExercise.check(
      "exercise-9", replacing: ["export-job.json": job])
    let finding = try #require(report.findings.first)
    #expect(finding.expected == "\"{{SEGMENT_ID}}\"")
  }

  @Test func aDatasetOfAnotherSchemaIsRefused() async throws {
    let dataset = """
      {"name": "Females", "schemaRef": {"id": "https://ns.adobe.com/xdm/context/profile"},
       "fileDescription": {"persisted": true}}
      """
    let report = try await CourseExercise.check(
      "exercise-9", replacing: ["dataset.json": dataset])
    #expect(report.findings.first?.location?.hasSuffix("schemaRef.id") == true)
  }

  @Test func theStarterOfExercise9FailsOnTheDatasetName() async throws {
    let report = try await CourseExercise.check("exercise-9", starter: true)
    #expect(report.findings.first?.location?.hasSuffix("› name") == true)
  }
}
