import Foundation
import LabCore
import Testing

@Suite struct SegmentCommandTests {
  /// The repository's Luma demo datasets.
  static let luma = CourseSandbox.repositoryRoot.appendingPathComponent("datasets/luma").path

  @Test func aPQLJSONBatchSegmentShowsInProfileGetAfterAJob() async throws {
    let sandbox = try CourseSandbox()
    defer { sandbox.remove() }
    #expect(await sandbox.run(["ingest", Self.luma]).code == 0)
    let tree = sandbox.base.appendingPathComponent("female.json")
    try Data(
      #"{"nodeType": "fnApply", "fnName": "in", "params": [{"nodeType": "fieldLookup", "fieldName": "gender", "object": {"nodeType": "fieldLookup", "fieldName": "person", "object": {"nodeType": "literal", "literalType": "XDMObject", "value": "profile"}}}, {"nodeType": "literal", "literalType": "List", "value": ["female"]}]}"#
        .utf8
    ).write(to: tree)
    let created = await sandbox.run([
      "segment", "create", "--name", "All Female Customers", "--pql-json", tree.path, "--format",
      "json",
    ])
    #expect(created.code == 0, "\(created.error)")
    let definition = try JSONParser.parse(created.output)
    #expect(definition[path: ["expression", "format"]] == "pql/json")
    let id = try #require(definition["id"]?.stringValue)

    let job = await sandbox.run(["segment", "run", id, "--format", "json"])
    #expect(job.code == 0)
    let jobJSON = try JSONParser.parse(job.output)
    #expect(jobJSON["status"] == "SUCCEEDED")
    let jobID = try #require(jobJSON["id"]?.stringValue)
    #expect(await sandbox.run(["segment", "job", jobID]).output.contains("SUCCEEDED"))

    let profile = await sandbox.run([
      "profile", "get", "--ns", "email", "--id", "hannah.becker@example.com", "--format", "json",
    ])
    let entity = try JSONParser.parse(profile.output).objectValue?.values.first
    #expect(entity?[path: ["entity", "segmentMembership", "ups", id, "status"]] == "realized")
    let members = await sandbox.run(["segment", "members", "All Female Customers"])
    #expect(members.output.contains("realized"))
    let card = await sandbox.run([
      "profile", "get", "--ns", "email", "--id", "hannah.becker@example.com",
    ])
    #expect(card.output.contains("All Female Customers (realized)"))
  }

  @Test func streamingIsRefusedWithTheReasonAndShowListsTheMethods() async throws {
    let sandbox = try CourseSandbox()
    defer { sandbox.remove() }
    let refused = await sandbox.run([
      "segment", "create", "--name", "Frequent", "--evaluation", "streaming", "--pql",
      #"xEvent[timestamp occurs <= 7 days before now].count() > 2"#,
    ])
    #expect(refused.code == 1)
    #expect(refused.error.contains("24 hours"))
    let created = await sandbox.run([
      "segment", "create", "--name", "Gold", "--pql", #"loyaltyDetails.level = "Gold""#,
    ])
    #expect(created.code == 0)
    let show = await sandbox.run(["segment", "show", "Gold"])
    #expect(show.output.contains("streaming: yes"))
    let invalid = await sandbox.run(["segment", "create", "--name", "Bad", "--pql", "person.x ="])
    #expect(invalid.code == 65)
    #expect(await sandbox.run(["segment", "list"]).output.contains("Gold"))
  }
}
