import Foundation
import LabCore
import Testing

@testable import Curriculum

@Suite struct FileStructureCheckerTests {
  let document: JSONValue = [
    "name": "Female customers", "ttlInDays": 30, "tags": [],
    "expression": ["type": "PQL", "format": "pql/text"], "profiles": [["id": "p1"]],
  ]

  func messages(_ rule: FieldRule) -> [String] {
    rule.findings(in: document, file: "body.json").map(\.message)
  }

  @Test func aHoldingRuleHasNoFindings() {
    #expect(messages(FieldRule(path: "expression.type", type: "string", equals: "PQL")).isEmpty)
    #expect(messages(FieldRule(path: "profiles.0.id", equals: "p1")).isEmpty)
    #expect(messages(FieldRule(path: "optional", required: false)).isEmpty)
    #expect(
      messages(FieldRule(path: "expression.format", oneOf: ["PQL/TEXT"], caseInsensitive: true))
        .isEmpty)
  }

  @Test func eachKindOfRuleReportsItsOwnProblem() {
    #expect(messages(FieldRule(path: "schema.name")) == ["The field 'schema.name' is missing."])
    #expect(
      messages(FieldRule(path: "name", type: "number")) == ["The field 'name' has the wrong type."])
    #expect(messages(FieldRule(path: "tags", notEmpty: true)) == ["The field 'tags' is empty."])
    #expect(
      messages(FieldRule(path: "expression.type", equals: "SQL")) == [
        "The field 'expression.type' has the wrong value."
      ])
    #expect(
      messages(FieldRule(path: "expression.format", oneOf: ["pql/json"])) == [
        "The field 'expression.format' is not one of the allowed values."
      ])
    #expect(
      messages(FieldRule(path: "name", pattern: "^[a-z]+$")) == [
        "The field 'name' does not have the expected form."
      ])
    #expect(
      messages(FieldRule(path: "ttlInDays", maximum: 7)) == ["The field 'ttlInDays' is too large."])
    #expect(
      messages(FieldRule(path: "ttlInDays", minimum: 31)) == ["The field 'ttlInDays' is too small."]
    )
  }

  @Test func findingsCarryExpectedFoundLocationAndTheRulesMessage() throws {
    let rule = FieldRule(path: "expression.type", equals: "SQL", message: "Say which language.")
    let finding = try #require(rule.findings(in: document, file: "body.json").first)
    #expect(
      finding.message == "The field 'expression.type' has the wrong value. Say which language.")
    #expect(finding.expected == #""SQL""#)
    #expect(finding.found == #""PQL""#)
    #expect(finding.location == "body.json › expression.type")
  }

  @Test func badRulesAreRejectedWhenTheCheckerIsMade() {
    for (rules, reason): (JSONValue, String) in [
      ([["path": "a", "type": "text"]], "has type 'text'"),
      ([["path": "a", "pattern": "("]], "not a valid regular expression"),
      ([], "\"rules\" is empty"),
    ] {
      do {
        _ = try FileStructureChecker(
          parameters: ["file": "a.json", "rules": rules], path: "e.json")
        Issue.record("accepted bad rules")
      } catch {
        #expect(error.errorDescription?.contains(reason) == true)
      }
    }
  }
}
