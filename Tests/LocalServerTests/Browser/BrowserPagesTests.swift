import CourseChecks
import Curriculum
import Foundation
import Identities
import LabCore
import LocalServer
import Persistence
import PlatformAPI
import Profiles
import Sandbox
import Testing

/// The pages in a real browser.
///
/// Debian's chromium, headless, is driven through chromedriver against `aep-lab serve`'s
/// application on a free loopback port over the demo data. Each test
/// saves screenshots of the pages it visits (`.build/browser-screenshots`, or
/// `AEP_LAB_SCREENSHOTS`).
@Suite(.serialized, .enabled(if: WebDriver.isAvailable, "needs chromium and chromium-driver"))
struct BrowserPagesTests {
  /// A sandbox with the demo data.
  static func demoSandbox() throws -> Sandbox {
    let sandbox = Sandbox(database: try LabDatabase.inMemory())
    try sandbox.ingest(LumaDemoData(seed: LumaDemoData.defaultSeed).datasetRecords)
    return sandbox
  }

  /// Runs `body` with a browser and the base URL of a server over `sandbox`.
  static func withBrowser(
    _ sandbox: Sandbox, _ body: (WebDriver, String) async throws -> Void
  ) async throws {
    let driver = try await WebDriver()
    do {
      try await TestServer.with(backend: SandboxBackend(sandbox: sandbox, jobPhase: .zero)) {
        port in
        try await body(driver, "http://127.0.0.1:\(port)")
      }
    } catch {
      await driver.shutdown()
      throw error
    }
    await driver.shutdown()
  }

  @Test func theModulesJourneyInTheBrowserMakesOneKnownCrossDeviceProfile() async throws {
    let sandbox = try Self.demoSandbox()
    try await Self.withBrowser(sandbox) { driver, base in
      let window = try await driver.session()
      defer { Task { await window.close() } }
      // An anonymous visit: the home page's view gives the browser an ECID.
      try await window.open("\(base)/luma/")
      let ecid = try await window.waitForText("[data-ecid]") { $0.count == 38 }
      try await window.screenshot("01-luma-home-anonymous")
      // Two product views, still anonymous.
      try await window.open("\(base)/luma/product/LM-MWJ")
      try await window.waitForText("#viewer") { $0.contains("Montana Wind Jacket") }
      try await window.click("nav.luma a[href='/luma/']")
      try await window.click("a[data-sku='LM-JJ']")
      try await window.waitForText("#viewer") { $0.contains("Juno Jacket") }
      try await window.screenshot("02-luma-product-view")
      // Registering links the ECID, the email and the phone.
      try await window.open("\(base)/luma/register")
      try await window.type("#firstName", "Bea")
      try await window.type("#lastName", "Browser")
      try await window.type("#email", "bea.browser@example.com")
      try await window.type("#phone", "+32470765432")
      try await window.select("#gender", "female")
      try await window.screenshot("03-luma-register")
      try await window.click("form button[type=submit]")
      let viewer = try await window.waitForText("#viewer") {
        $0.contains("bea.browser@example.com")
      }
      #expect(viewer.contains("+32470765432"))
      #expect(viewer.contains("Montana Wind Jacket") && viewer.contains("Juno Jacket"))
      #expect(viewer.contains(ecid))
      try await window.screenshot("04-luma-known-profile")

      // A second private window is a second anonymous visitor.
      let second = try await driver.session()
      try await second.open("\(base)/luma/")
      let other = try await second.waitForText("[data-ecid]") { $0.count == 38 }
      #expect(other != ecid)
      await second.close()

      // The app has its own ECID; signing in with the email joins it to the profile.
      try await window.open("\(base)/luma/app/")
      try await window.type("#app-email", "bea.browser@example.com")
      try await window.click("form button[type=submit]")
      try await window.click("[data-app-view='LM-CFS']")
      let app = try await window.waitForText("#viewer") { $0.contains("Cassia Funnel Sweatshirt") }
      #expect(app.contains("Identities (4)"))
      try await window.screenshot("05-luma-app")

      // The engine agrees: one profile, two ECIDs, the three product views.
      let profile = try sandbox.profile(namespace: "Email", id: "bea.browser@example.com")
      #expect(profile.profile.identities.filter { $0.namespace == "ECID" }.count == 2)

      // And exercise 1 of the course passes on what the browser did, as after 'aep-lab site'.
      let report = try await Self.checkExercise1(on: sandbox)
      #expect(report.isPassed, "\(report.findings.map(\.message))")
    }
  }

  /// Exercise 1's check of the learner's sandbox, with the browser's email and phone answered.
  static func checkExercise1(on sandbox: Sandbox) async throws -> CheckReport {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let exercise = try Course.load(from: root).module("module3").exercise("exercise-1")
    var submission = Submission.starter(of: exercise)
    submission.files["journey.json"] = Data(
      #"{"email": "bea.browser@example.com", "phone": "+32470765432"}"#.utf8)
    var context = CheckContext(contentRoot: root, moduleID: "module3")
    context[LearnerSandboxKey.self] = .workspace(sandbox)
    return try await CheckerRegistry.course.checker(for: exercise).check(submission, in: context)
  }

  @Test func theCallCenterFindsTheCustomerByPhoneAndLogsTheCall() async throws {
    let sandbox = try Self.demoSandbox()
    try await Self.withBrowser(sandbox) { driver, base in
      let window = try await driver.session()
      defer { Task { await window.close() } }
      try await window.open("\(base)/callcenter/")
      try await window.type("#cc-id", "+32473622044")
      try await window.click("form.search button")
      #expect(try await window.text("[data-customer-name]") == "Lucas Moreau")
      #expect(try await window.text("[data-loyalty]").hasPrefix("Gold"))
      #expect(try await window.text("[data-last-product]").hasPrefix("Cassia Funnel Sweatshirt"))
      try await window.screenshot("06-callcenter-lookup")
      let before = try sandbox.events(namespace: "Phone", id: "+32473622044").response.children
      try await window.select("#cc-feeling", "negative")
      try await window.click("form[action='/callcenter/log'] button")
      try await window.waitForText("[data-logged]") { $0.contains("Logged a call") }
      try await window.screenshot("07-callcenter-logged")
      let after = try sandbox.events(namespace: "Phone", id: "+32473622044").response.children
      #expect(after.count == before.count + 1)
    }
  }

  @Test func browsingByEachIdentityShowsTheSameProfileAndItsGraph() async throws {
    let sandbox = try Self.demoSandbox()
    try await Self.withBrowser(sandbox) { driver, base in
      let window = try await driver.session()
      defer { Task { await window.close() } }
      var entities: Set<String> = []
      for (namespace, id) in [
        ("Email", "lucas.moreau@example.com"), ("Phone", "%2B32473622044"),
        ("ECID", "41235678290417653820014579632018456701"), ("CRMID", "1478212"),
      ] {
        try await window.open("\(base)/platform/?ns=\(namespace)&id=\(id)")
        #expect(try await window.text("[data-profile-name]") == "Lucas Moreau")
        entities.insert(try await window.text("[data-entity-id]"))
      }
      #expect(entities.count == 1)
      try await window.screenshot("08-platform-browse")
      try await window.click("#tab-events")
      try await window.waitForText("#panel-events") { $0.contains("commerce.productViews") }
      #expect(try await window.text("#panel-attributes").isEmpty)
      try await window.screenshot("08b-platform-browse-events")
      try await window.click("a[href^='/platform/graph']")
      try await window.element("svg[role=img]")
      let nodes = try await driver.call(
        "POST", "/session/\(window.id)/execute/sync",
        ["script": "return document.querySelectorAll('svg g[data-node]').length", "args": []])
      #expect(nodes["value"] == 7)
      try await window.screenshot("09-platform-graph")
    }
  }

  @Test func aSegmentBuiltSavedAndRunInTheBrowserHasTheEnginesMembers() async throws {
    let sandbox = try Self.demoSandbox()
    try await Self.withBrowser(sandbox) { driver, base in
      let window = try await driver.session()
      defer { Task { await window.close() } }
      try await window.open("\(base)/platform/segments/new")
      try await window.select("#b-gender", "male")
      try await window.select("#b-product", "Montana Wind Jacket")
      let estimate = try await window.waitForText("[data-estimate]") { $0.contains("qualify") }
      try await window.type("#b-name", "Browser - Male jacket viewers")
      try await window.screenshot("10-segment-builder")
      try await window.click("#builder button[type=submit]")
      try await window.waitForText("[data-segment-name]") { $0 == "Browser - Male jacket viewers" }
      try await window.click("form[action$='/run'] button")
      try await window.waitForText("[data-job-status]") { $0.contains("SUCCEEDED") }
      try await window.screenshot("11-segment-members")
      let shown = Int(try await window.text("[data-member-count]")) ?? -1
      let members = try sandbox.segmentMembers(
        "Browser - Male jacket viewers", includingExited: false)
      #expect(shown == members.count)
      #expect(estimate.hasPrefix("\(members.count) profile"))
      #expect(members.count > 100)
    }
  }
}
