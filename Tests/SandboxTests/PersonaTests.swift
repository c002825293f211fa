import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

@Suite struct PersonaTests {
  @Test func lumaLoadsWithoutRejections() throws {
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(path: SandboxFixture.lumaPath)
    #expect(report.committed)
    #expect(report.rejected == 0)
    #expect(report.batches.count == 5)
    #expect(report.accepted == LumaDemoData(seed: LumaDemoData.defaultSeed).recordCount)
  }

  @Test func everyIdentityOfThePersonaReturnsTheIdenticalEntity() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let persona = SandboxFixture.persona
    let lookups: [(String, String)] =
      persona.ecids.map { ("ecid", $0) } + [
        ("email", persona.email), ("phone", persona.phone), ("crmId", persona.crm),
        ("loyaltyId", persona.loyalty),
      ]
    #expect(lookups.count == 7)
    let first = try sandbox.profile(namespace: "ECID", id: persona.ecids[0]).response
    for (namespace, id) in lookups {
      let response = try sandbox.profile(namespace: namespace, id: id).response
      #expect(response == first, "\(namespace) \(id)")
    }
    let entity = try #require(first.values.first)
    #expect(entity.identityGraph?.count == 7)
    #expect(entity.entity[path: ["person", "name", "firstName"]] == "Lucas")
    #expect(entity.entity[path: ["identityMap", "ECID"]]?.arrayValue?.count == 3)
  }

  @Test func thePersonasEventsIncludeTheAnonymousOnesFromEveryECID() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let events = try sandbox.events(namespace: "email", id: SandboxFixture.persona.email).response
    #expect(events.page.count == 8)
    #expect(events.children.prefix(3).map(\.entityId) == ["evt-0001", "evt-0002", "evt-0003"])
    #expect(Set(events.children.map(\.relatedEntityId)).count == 3)
    #expect(events.page.next == "")
    #expect(events.links.next.href == "")
    let products = events.children.compactMap {
      $0.entity["productListItems"]?.arrayValue?.first?["name"]
    }
    #expect(products.contains("Montana Wind Jacket"))
  }

  @Test func eventsPageWithALimitAndANextLink() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let first = try sandbox.events(
      namespace: "phone", id: SandboxFixture.persona.phone, selection: .init(limit: 3)
    ).response
    #expect(first.page.count == 3)
    #expect(first.page.next == "evt-0004")
    #expect(first.links.next.href.hasPrefix("/entities?start=evt-0004"))
    let second = try sandbox.events(
      namespace: "phone", id: SandboxFixture.persona.phone, selection: .init(limit: 3),
      start: first.page.next
    ).response
    #expect(second.children.first?.entityId == "evt-0004")
  }

  @Test func theDocumentedWinnersOfBothAttributeMerges() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let email = SandboxFixture.persona.email
    let latest = try sandbox.profile(namespace: "email", id: email).profile.entity
    #expect(latest[path: ["homeAddress", "city"]] == "Antwerp")
    try sandbox.createMergePolicy(
      name: "Website first", attributeMerge: "dataSetPrecedence",
      datasetOrder: [
        "Demo System - Profile Dataset for Website (Global v1.1)", "Profile Dataset for CRM",
      ],
      identityGraph: "pdg")
    let website = try sandbox.profile(namespace: "email", id: email, mergePolicy: "Website first")
    #expect(website.profile.entity[path: ["homeAddress", "city"]] == "Brussels")
    #expect(website.profile.entity[path: ["_experienceplatform", "loyaltyDetails"]] == nil)
    #expect(website.eventCount == 0)
  }

  @Test func graphTypeNoneKeepsToTheIdentitysOwnFragments() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    try sandbox.createMergePolicy(
      name: "No stitching", attributeMerge: "timestampOrdered", identityGraph: "none")
    let lookup = try sandbox.profile(namespace: "crmId", id: "1478212", mergePolicy: "No stitching")
    #expect(lookup.profile.entity[path: ["person", "gender"]] == "male")
    #expect(lookup.profile.entity[path: ["mobilePhone", "number"]] == nil)
    #expect(lookup.entity?.identityGraph?.count == 1)
    #expect(lookup.eventCount == 0)
  }

  @Test func graphAndExplanationsTellWhereLinksCameFrom() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let persona = SandboxFixture.persona
    let picture = try sandbox.graph(namespace: "crmid", id: persona.crm)
    #expect(picture.identities.count == 7)
    let explanation = try sandbox.explainLink(
      namespace: "ecid", id: persona.ecids[1], toNamespace: "loyaltyId", toID: persona.loyalty)
    let chain = try #require(explanation.chain)
    #expect(chain.count == 2)
    #expect(
      explanation.datasetNames[chain[0].origin.dataset]
        == "Demo System - Event Dataset for Website (Global v1.1)")
    let value = try sandbox.explainValue(
      namespace: "email", id: persona.email, path: "homeAddress.city")
    #expect(value.explanation.winner.map { value.explanation.candidates[$0].value } == "Antwerp")
    let members = try sandbox.clusterMembers(namespace: "phone", id: persona.phone)
    #expect(members.clusters.first?.members.count == 7)
  }
}
