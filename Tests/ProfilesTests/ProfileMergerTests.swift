import Identities
import LabCore
import Testing

@testable import Profiles

@Suite struct ProfileMergerTests {
  let merger = ProfileMerger(registry: NamespaceRegistry())
  let email = Identity(namespace: "Email", id: "ana@example.com")
  let crm = Identity(namespace: "CRMID", id: "42")

  func fragment(_ dataset: String, batch: Int, _ attributes: JSONValue, identity: Identity? = nil)
    -> ProfileFragment
  {
    let primary = identity ?? email
    return ProfileFragment(
      datasetID: dataset, batchID: "batch-\(batch)", order: LinkOrigin.order(batch: batch, line: 1),
      primaryIdentity: primary, identities: [primary], attributes: attributes)
  }

  var website: ProfileFragment {
    fragment(
      "website", batch: 1,
      [
        "person": ["name": ["firstName": "Ana"]], "homeAddress": ["city": "Brussels"],
        "tags": ["a", "b"],
      ])
  }

  var crmFragment: ProfileFragment {
    fragment(
      "crm", batch: 2, ["homeAddress": ["city": "Antwerp", "country": "Belgium"], "tags": ["c"]],
      identity: crm)
  }

  @Test func timestampOrderedLetsTheLatestBatchWinEachLeaf() {
    let merged = merger.merge(
      fragments: [crmFragment, website], identities: [email, crm], policy: .builtInDefault)
    #expect(merged.entity[path: ["homeAddress", "city"]] == "Antwerp")
    #expect(merged.entity[path: ["homeAddress", "country"]] == "Belgium")
    #expect(merged.entity[path: ["person", "name", "firstName"]] == "Ana")
    #expect(merged.entity["tags"] == ["c"])
    #expect(merged.sources == ["crm", "website"])
  }

  @Test func dataSetPrecedenceLetsTheFirstListedDatasetWinAndLeavesOthersOut() {
    let policy = MergePolicy(
      id: "p", name: "Website first", attributeMerge: .dataSetPrecedence(["website", "crm"]),
      identityGraph: .pdg)
    let merged = merger.merge(
      fragments: [crmFragment, website], identities: [email, crm], policy: policy)
    #expect(merged.entity[path: ["homeAddress", "city"]] == "Brussels")
    #expect(merged.entity[path: ["homeAddress", "country"]] == "Belgium")
    let websiteOnly = MergePolicy(
      id: "q", name: "Website only", attributeMerge: .dataSetPrecedence(["website"]),
      identityGraph: .pdg)
    let narrowed = merger.merge(
      fragments: [crmFragment, website], identities: [email], policy: websiteOnly)
    #expect(narrowed.entity[path: ["homeAddress", "country"]] == nil)
    #expect(narrowed.sources == ["website"])
  }

  @Test func identityMapIsTheUnionWithOnePrimary() {
    let merged = merger.merge(
      fragments: [website, crmFragment], identities: [email, crm], policy: .builtInDefault)
    let map = merged.entity["identityMap"]
    #expect(map?["CRMID"] == [["id": "42", "primary": true]])
    #expect(map?["Email"] == [["id": "ana@example.com"]])
    #expect(merged.primaryIdentity == crm)
  }

  @Test func explainListsEveryFragmentAndTheWinner() throws {
    let explanation = merger.explain(
      path: ["homeAddress", "city"], fragments: [website, crmFragment], policy: .builtInDefault)
    let winner = try #require(explanation.winner)
    #expect(explanation.candidates[winner].value == "Antwerp")
    #expect(explanation.candidates.count == 2)
    #expect(explanation.rule.hasPrefix("timestampOrdered"))
  }

  @Test func fieldsKeepOnlyTheRequestedPaths() {
    let value: JSONValue = [
      "person": ["name": ["firstName": "Ana", "lastName": "Lima"], "gender": "female"]
    ]
    #expect(
      value.projected(fields: ["person.name.firstName"]) == [
        "person": ["name": ["firstName": "Ana"]]
      ])
    #expect(value.projected(fields: []) == value)
  }
}
