import Foundation
import Identities
import LabCore
import PlatformAPI
import Profiles
import Testing

@testable import Sandbox

/// A browser keeps its own visit (in cookies): each window is its own visitor, and the CLI's
/// stored visit is not touched.
@Suite struct SiteVisitSourceTests {
  @Test func twoGivenVisitsAreTwoVisitorsAndTheStoredVisitStaysEmpty() throws {
    let sandbox = try SandboxFixture.sandbox()
    try sandbox.ingest(path: SandboxFixture.lumaPath)
    let first = try sandbox.siteOpen(from: .given(SiteVisit()))
    let second = try sandbox.siteOpen(from: .given(SiteVisit()))
    let firstECID = try #require(first.visit.web?.ecid)
    #expect(firstECID != second.visit.web?.ecid)

    let viewed = try sandbox.siteView(product: "Montana Wind Jacket", from: .given(first.visit))
    #expect(viewed.visit == first.visit)
    let registered = try sandbox.siteRegister(
      SiteRegistration(
        email: "win.dow@example.com", phone: "+32470999888", firstName: "Win", lastName: "Dow"),
      from: .given(viewed.visit))
    #expect(registered.visit.web?.email == "win.dow@example.com")

    let viewer = try #require(try sandbox.siteProfileViewer(from: .given(registered.visit)))
    #expect(
      viewer.profile.profile.identities.contains(Identity(namespace: "Phone", id: "+32470999888")))
    #expect(viewer.events.response.children.count == 3)  // the home page, the view, the login
    #expect(try sandbox.siteVisit() == SiteVisit())

    let agent = try sandbox.callCenterLookup(id: "+32470999888", from: .given(SiteVisit()))
    #expect(agent.name == "Win Dow")
    let call = try sandbox.callCenterLog(
      topic: "Order status", feeling: "positive",
      from: .given(SiteVisit(web: nil, app: nil, callCenterPhone: "+32470999888")))
    #expect(call.sent.count == 1)
    #expect(try sandbox.siteVisit() == SiteVisit())
  }
}
