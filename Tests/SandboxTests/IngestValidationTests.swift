import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

@Suite struct IngestValidationTests {
  static let longValue = String(repeating: "x", count: 1025)
  static let manyEmails = (1...21).map { #"{"id": "p\#($0)@example.com"}"# }.joined(separator: ",")

  /// One refused record per line after the first, with the code each must get.
  static let profileLines: [(String, String?)] = [
    (#"{"crm": "1", "email": "a@example.com"}"#, nil),
    (#"{"crm": "2", "email": "#, "malformedJSON"),
    ("[1, 2]", "notAnObject"),
    (#"{"identityMap": {"ECID": [{"id": "123"}]}}"#, "malformedECID"),
    (#"{"crm": "3", "email": ""}"#, "emptyIdentity"),
    (#"{"crm": "4", "email": 42}"#, "nullIdentity"),
    (#"{"crm": "anonymous"}"#, "placeholderIdentity"),
    (#"{"crm": "\#(longValue)"}"#, "identityTooLong"),
    (#"{"identityMap": {"Mail": [{"id": "x"}]}}"#, "unknownNamespace"),
    (#"{"identityMap": {"Email": [\#(manyEmails)]}}"#, "tooManyIdentities"),
    (#"{"name": "nobody"}"#, "noIdentity"),
    (#"{"crm": "5", "blob": "\#(String(repeating: "y", count: 102_400))"}"#, "tooLarge"),
    (#"{"identityMap": []}"#, "malformedIdentityMap"),
    (#"{"crm": "6", "identityMap": {"Email": [{"id": "invalid"}]}}"#, "placeholderIdentity"),
  ]

  @Test func everyRefusedRecordIsReportedWithItsLineAndReason() throws {
    let folder = try TemporaryFolder()
    let schema = try folder.write("crm.schema.json", SandboxFixture.crmSchema)
    let data = try folder.write(
      "crm.ndjson", Self.profileLines.map(\.0).joined(separator: "\n") + "\n")
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data, schemaPath: schema)
    #expect(report.committed)
    #expect(report.accepted == 1)
    let codes = Dictionary(
      uniqueKeysWithValues: report.batches[0].rejections.map { ($0.line, $0.reason.code) })
    for (index, (_, expected)) in Self.profileLines.enumerated() {
      #expect(codes[index + 1] == expected, "line \(index + 1)")
    }
  }

  @Test func refusalMessagesSayWhatIsWrong() throws {
    let known = ["ECID", "Email"]
    let messages: [(RecordRejection, String)] = [
      (.missingEventID, "experience events need an '_id'"),
      (
        .invalidTimestamp("yesterday"),
        "the timestamp 'yesterday' is not an ISO 8601 date-time such as '2024-05-01T10:00:00Z'"
      ),
      (
        .tooLarge(bytes: 10_241, limit: 10_240, recordClass: .experienceEvent),
        "the record is 10241 bytes; an experience event may have at most 10240 bytes"
      ),
      (
        .identity(.unknownNamespace("Mail", known: known)),
        "unknown identity namespace 'Mail'; known namespaces are ECID, Email (create one with 'aep-lab namespace create')"
      ),
      (
        .identity(.placeholderValue(namespace: "Email", value: "anonymous")),
        "the Email identity 'anonymous' is a placeholder the Platform refuses; leave the field out when the value is unknown"
      ),
      (
        .identity(.emptyValue(namespace: "Email")),
        "the Email identity is empty; give it a value or leave the field out"
      ),
      (
        .identity(.nullValue(namespace: "Email")),
        "the Email identity is null or not a string; identity values are strings"
      ),
      (
        .identity(.valueTooLong(namespace: "CRMID", length: 1025, limit: 1024)),
        "the CRMID identity is 1025 characters long; identity values may have at most 1024"
      ),
      (
        .noIdentity,
        "the record has no identity (no identity field of the schema and no identityMap entry)"
      ),
    ]
    for (rejection, message) in messages { #expect(rejection.description == message) }
  }

  @Test func eventsNeedAnIDATimestampAndASmallSize() throws {
    let ecid = "41235678290417653820014579632018456799"
    let map = #""identityMap": {"ECID": [{"id": "\#(ecid)", "primary": true}]}"#
    let lines = [
      #"{"_id": "e1", "timestamp": "2024-05-01T10:00:00Z", \#(map)}"#,
      #"{"timestamp": "2024-05-01T10:00:00Z", \#(map)}"#,
      #"{"_id": "e3", \#(map)}"#,
      #"{"_id": "e4", "timestamp": "yesterday", \#(map)}"#,
      #"{"_id": "e5", "timestamp": "2024-05-01T10:00:00Z", "pad": "\#(String(repeating: "z", count: 10_300))", \#(map)}"#,
    ]
    let folder = try TemporaryFolder()
    try folder.write(
      "events/schema.json", #"{"name": "Web events", "class": "experienceevent", "identities": []}"#
    )
    try folder.write("events/records.ndjson", lines.joined(separator: "\n"))
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: folder.path("events"))
    #expect(report.accepted == 1)
    #expect(
      report.batches[0].rejections.map(\.reason.code) == [
        "missingEventID", "missingTimestamp", "invalidTimestamp", "tooLarge",
      ])
    #expect(report.batches[0].rejections.map(\.line) == [2, 3, 4, 5])
  }

  @Test func strictStoresNothingWhenARecordIsRefused() throws {
    let folder = try TemporaryFolder()
    let schema = try folder.write("crm.schema.json", SandboxFixture.crmSchema)
    let data = try folder.write("crm.ndjson", #"{"crm": "1"}"# + "\n" + #"{"crm": ""}"# + "\n")
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data, schemaPath: schema, strict: true)
    #expect(!report.committed)
    #expect(report.rejected == 1)
    #expect(try sandbox.datasets().isEmpty)
    #expect(throws: SandboxError.self) { try sandbox.profile(namespace: "crmId", id: "1") }
  }

  @Test func aJSONArrayFileIsOneBatch() throws {
    let folder = try TemporaryFolder()
    let data = try folder.write(
      "people.json",
      #"[{"identityMap": {"Email": [{"id": "a@example.com", "primary": true}], "Phone": [{"id": "+1"}]}, "person": {"name": {"firstName": "A"}}}]"#
    )
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data, datasetName: "People")
    #expect(report.accepted == 1)
    #expect(report.batches[0].recordClass == .profile)
    let lookup = try sandbox.profile(namespace: "phone", id: "+1")
    #expect(lookup.profile.entity[path: ["person", "name", "firstName"]] == "A")
    #expect(try sandbox.datasets().map(\.name) == ["People"])
  }

  @Test func aMissingPathAndABadSchemaAreClearErrors() throws {
    let sandbox = try SandboxFixture.sandbox()
    #expect(throws: SandboxError.pathNotFound("/nope/nothing.ndjson")) {
      try sandbox.ingest(path: "/nope/nothing.ndjson")
    }
    let folder = try TemporaryFolder()
    try folder.write("bad/schema.json", #"{"name": "X", "class": "thing"}"#)
    try folder.write("bad/records.ndjson", "{}\n")
    #expect(throws: SandboxError.self) { try sandbox.ingest(path: folder.path("bad")) }
  }

  @Test func blankLinesAreSkippedAndLineNumbersStayTrue() throws {
    let folder = try TemporaryFolder()
    let data = try folder.write(
      "people.ndjson",
      "\n" + #"{"identityMap": {"Email": [{"id": "a@example.com"}]}}"# + "\r\n  \n"
        + #"{"identityMap": {"Email": [{"id": ""}]}}"# + "\n")
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: data)
    #expect(report.accepted == 1)
    #expect(report.batches[0].rejections.map(\.line) == [4])
  }
}
