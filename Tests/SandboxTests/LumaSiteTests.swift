import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

@Suite struct LumaSiteTests {
  @Test func theModulesJourneyMakesOneCrossDeviceProfileWithTheAnonymousViews() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let opened = try sandbox.siteOpen()
    let browser = try #require(opened.visit.web?.ecid)
    try sandbox.siteView(product: "montana wind jacket")
    try sandbox.siteView(product: "LM-JJ")
    let anonymous = try #require(try sandbox.siteProfileViewer())
    #expect(anonymous.profile.profile.identities == [Identity(namespace: "ECID", id: browser)])
    #expect(anonymous.events.response.children.count == 3)

    try sandbox.siteRegister(
      SiteRegistration(
        email: "alex.doe@example.com", phone: "+32470123456", firstName: "Alex", lastName: "Doe",
        gender: "female"))
    let app = try sandbox.siteLogin(email: "alex.doe@example.com", on: .app)
    try sandbox.siteView(product: "Cassia Funnel Sweatshirt", on: .app)
    #expect(app.visit.app?.ecid != browser)

    let known = try sandbox.profile(namespace: "Phone", id: "+32470123456")
    #expect(Set(known.profile.identities.map(\.namespace)) == ["ECID", "Email", "Phone"])
    #expect(known.profile.identities.filter { $0.namespace == "ECID" }.count == 2)
    let events = try sandbox.events(namespace: "Email", id: "alex.doe@example.com").response
    let products = events.children.compactMap {
      $0.entity["productListItems"]?.arrayValue?.first?["name"]?.stringValue
    }
    #expect(products == ["Montana Wind Jacket", "Juno Jacket", "Cassia Funnel Sweatshirt"])
    #expect(events.children.contains { $0.entity["eventType"]?.stringValue == "web.login" })
  }

  @Test func aStreamingSegmentQualifiesAsTheLearnerClicks() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let segment = try sandbox.createSegment(
      .init(
        name: "Juno viewers",
        expression: .init(
          value: #"xEvent.exists(productListItems.exists(name.equals("juno jacket", false)))"#),
        evaluationInfo: .init(batch: false, continuous: true)))
    let id = try #require(segment.id)
    try sandbox.siteOpen()
    let before = try sandbox.siteView(page: "Women")
    #expect(before.profile?.profile.entity[path: ["segmentMembership", "ups", id]] == nil)
    let after = try sandbox.siteView(product: "Juno Jacket")
    #expect(
      after.profile?.profile.entity[path: ["segmentMembership", "ups", id, "status"]]
        == "realized")
  }

  @Test func theCallCenterSeesTheLastProductAndLogsACall() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let view = try sandbox.callCenterLookup(id: SandboxFixture.persona.phone)
    #expect(view.name == "Lucas Moreau")
    #expect(view.loyaltyLevel == "Gold")
    #expect(view.lastProductViewed?.name == "Cassia Funnel Sweatshirt")
    #expect(view.lastProductViewed?.channel == "mobile")
    try sandbox.callCenterLog(topic: "Order status", feeling: "Positive")
    let again = try sandbox.callCenterLookup(id: SandboxFixture.persona.phone)
    #expect(again.eventCount == view.eventCount + 1)
    #expect(again.recentEvents.contains { $0.eventType == LumaRecords.callEventType })
  }

  @Test func badFormsAndUnknownThingsAreRefusedWithTheNextStep() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    #expect(throws: SandboxError.self) { try sandbox.siteView(product: "Nadia") }
    do {
      try sandbox.siteView(product: "jackett")
      Issue.record("an unknown product was viewed")
    } catch {
      #expect(error.localizedDescription.contains("Jacket"))
    }
    #expect(throws: SandboxError.self) {
      try sandbox.siteRegister(
        SiteRegistration(
          email: "not-an-email", phone: "+32470123456", firstName: "A", lastName: "B"))
    }
    #expect(throws: SandboxError.self) {
      try sandbox.siteRegister(
        SiteRegistration(
          email: "lucas.moreau@example.com", phone: "+32470123456", firstName: "A", lastName: "B"))
    }
    #expect(throws: SandboxError.self) { try sandbox.siteLogin(email: "nobody@example.com") }
    #expect(throws: SandboxError.self) { try sandbox.callCenterLog(topic: "x", feeling: "happy") }
    let records = try sandbox.datasets().reduce(0) { $0 + $1.recordCount }
    #expect(records == LumaDemoData(seed: LumaDemoData.defaultSeed).recordCount)
  }
}
