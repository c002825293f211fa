import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles

/// The simulated Luma website, mobile app and call center of module 3's hands-on part.
///
/// Each action sends exactly the records the real site, app or call center sends (event types,
/// `productListItems`, `identityMap`, the tenant's identification fields, timestamps) into the
/// tutorial's datasets, through the same ingest as `aep-lab ingest`, so streaming segments
/// qualify as the learner clicks. The CLI's `aep-lab site` and the web pages both call these.
///
/// For example:
///
/// ```swift
/// try sandbox.siteOpen()                                   // a new private window: a new ECID
/// try sandbox.siteView(product: "Montana Wind Jacket")    // a product view, still anonymous
/// try sandbox.siteRegister(SiteRegistration(email: "me@example.com", phone: "+32470000000",
///                                           firstName: "Me", lastName: "Learner"))
/// let viewer = try sandbox.siteProfileViewer()           // the email, the phone and both views
/// ```
extension Sandbox {
  /// The key the visit is kept under in the workspace's key-value table.
  static let siteVisitKey = "site.visit"

  /// The visit `source` holds: the stored one (empty before the first action) or the given.
  public func siteVisit(from source: SiteVisitSource = .stored) throws(SandboxError) -> SiteVisit {
    if case .given(let visit) = source { return visit }
    let text = try storage { () throws(PersistenceError) in
      try store.workspaceValue(forKey: Self.siteVisitKey)
    }
    guard let text, let visit = try? JSONDecoder().decode(SiteVisit.self, from: Data(text.utf8))
    else { return SiteVisit() }
    return visit
  }

  /// Opens the website in a new private window: a new anonymous visitor with a fresh ECID
  /// (`ecid`, when given, as replays need), landing on the home page (a page view).
  @discardableResult
  public func siteOpen(ecid: String? = nil, from source: SiteVisitSource = .stored)
    throws(SandboxError) -> SiteActionResult
  {
    var visit = try siteVisit(from: source)
    visit.web = SiteDevice(ecid: ecid ?? Self.newECID())
    let next = try keep(visit, for: source)
    return try siteView(
      page: "Home", summary: "Opened the Luma website in a new private window", from: next)
  }

  /// Views a page of the website (`Home`, `Men`, `Women`, ...): a page view.
  @discardableResult
  public func siteView(
    page name: String, summary: String? = nil, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> SiteActionResult {
    let page = name.trimmingCharacters(in: .whitespaces)
    guard !page.isEmpty else {
      throw .invalidRequest(
        "A page needs a name, for example 'Men' (pages: \(LumaCatalog.pages.joined(separator: ", ")))"
      )
    }
    let label = LumaCatalog.pages.first { $0.lowercased() == page.lowercased() } ?? page
    return try send(
      on: .web, summary: summary ?? "Viewed the page '\(label)' on the website", from: source
    ) { device, id, time in
      [
        (
          LumaDatasets.websiteEvents,
          LumaRecords.event(
            id: id, timestamp: time, type: "web.webpagedetails.pageViews", ecid: device.ecid,
            page: label)
        )
      ]
    }
  }

  /// Views a product (by name or SKU) on the website or the app: a product view with the
  /// product in `productListItems`.
  @discardableResult
  public func siteView(
    product text: String, on kind: SiteDeviceKind = .web, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> SiteActionResult {
    guard let product = LumaCatalog.product(named: text) else {
      let suggestions = LumaCatalog.suggestions(for: text)
      let hint =
        suggestions.isEmpty
        ? "Products are listed by 'aep-lab site products'"
        : "The closest: \(suggestions.map { "'\($0)'" }.joined(separator: ", "))"
      throw .invalidRequest("Luma sells no product '\(text)'. \(hint)")
    }
    let place = kind == .web ? "the website" : "the app"
    return try send(on: kind, summary: "Viewed '\(product.name)' on \(place)", from: source) {
      device, id, time in
      [
        (
          LumaDatasets.websiteEvents,
          LumaRecords.event(
            id: id, timestamp: time, type: "commerce.productViews", ecid: device.ecid,
            channel: kind.channel, page: kind == .web ? product.name : nil, product: product)
        )
      ]
    }
  }

  /// Creates an account on the website: a registration record linking the browser's ECID,
  /// the email and the phone, then a login event.
  @discardableResult
  public func siteRegister(
    _ registration: SiteRegistration, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> SiteActionResult {
    try Self.validate(registration)
    let email = registration.email.trimmingCharacters(in: .whitespaces)
    if try accountExists(email: email) {
      throw .invalidRequest(
        "An account for '\(email)' exists already, so the site does not register it again. "
          + "Log in instead: 'aep-lab site login --email \(email)'")
    }
    let result = try send(
      on: .web, summary: "Registered '\(email)' on the website and logged in", from: source
    ) { device, id, time in
      [
        (
          LumaDatasets.websiteProfiles,
          LumaRecords.registration(
            id: "reg-\(id)", firstName: registration.firstName,
            lastName: registration.lastName, email: email, phone: registration.phone,
            ecid: device.ecid, city: registration.city, country: registration.country,
            gender: registration.gender?.lowercased(), birthDate: registration.birthDate)
        ),
        (
          LumaDatasets.websiteEvents,
          LumaRecords.event(
            id: id, timestamp: time, type: "web.login", ecid: device.ecid, email: email)
        ),
      ]
    }
    return try loggedIn(email, on: .web, after: result, for: source)
  }

  /// Logs in on the website with an existing account: a login event carrying the ECID and the
  /// email, which links this browser to the account's profile.
  ///
  /// `newECID` is the ECID a device gets if this is its first use (random otherwise).
  @discardableResult
  public func siteLogin(
    email text: String, on kind: SiteDeviceKind = .web, newECID: String? = nil,
    from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> SiteActionResult {
    let email = text.trimmingCharacters(in: .whitespaces)
    guard try accountExists(email: email) else {
      throw .invalidRequest(
        "No account uses '\(email)', so the login was refused. Register first: 'aep-lab site "
          + "register --email \(email) --phone +32... --first-name ... --last-name ...'")
    }
    let type = kind == .web ? "web.login" : "application.login"
    let place = kind == .web ? "the website" : "the app"
    let result = try send(
      on: kind, summary: "Logged in as '\(email)' on \(place)", newECID: newECID, from: source
    ) {
      device, id, time in
      [
        (
          LumaDatasets.websiteEvents,
          LumaRecords.event(
            id: id, timestamp: time, type: type, ecid: device.ecid, channel: kind.channel,
            email: email)
        )
      ]
    }
    return try loggedIn(email, on: kind, after: result, for: source)
  }

  /// What the site's Profile Viewer panel shows for a device's visitor: the merged profile and
  /// its events, or `nil` before the device has been used.
  public func siteProfileViewer(
    on kind: SiteDeviceKind = .web, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> (device: SiteDevice, profile: ProfileLookup, events: EventsLookup)? {
    guard let device = try siteVisit(from: source)[kind] else { return nil }
    let profile = try profile(namespace: "ECID", id: device.ecid)
    let events = try events(namespace: "ECID", id: device.ecid)
    return (device, profile, events)
  }

  // MARK: - Helpers

  /// Sends the records `make` builds for `kind`'s device (opening a web visit when none is
  /// open, or giving the app its ECID on first use) and returns what happened.
  func send(
    on kind: SiteDeviceKind, summary: String, newECID: String? = nil,
    from source: SiteVisitSource,
    _ make: (SiteDevice, String, String) -> [(DatasetSchema, JSONValue)]
  ) throws(SandboxError) -> SiteActionResult {
    var visit = try siteVisit(from: source)
    var opened = false
    if visit[kind] == nil {
      visit[kind] = SiteDevice(ecid: newECID ?? Self.newECID())
      opened = kind == .web
      _ = try keep(visit, for: source)
    }
    guard let device = visit[kind] else {
      throw .invalidRequest("The \(kind.rawValue) device could not be started")
    }
    let id = "site-" + UUID().uuidString.lowercased()
    let records = make(device, id, ISOTime.millisecondString(from: clock()))
    var grouped: [DatasetRecords] = []
    for (schema, record) in records {
      grouped.append(DatasetRecords(schema: schema, lines: [record.serialized()], source: "site"))
    }
    let report = try ingest(grouped, strict: true)
    if let refusal = report.batches.flatMap(\.rejections).first {
      throw .invalidRequest("The site's record was refused: \(refusal.reason)")
    }
    let profile = try? profile(namespace: "ECID", id: device.ecid)
    return SiteActionResult(
      summary: summary, sent: records.map { .init(dataset: $0.0.name, record: $0.1) },
      visit: visit, openedVisit: opened, profile: profile)
  }

  /// Remembers that `email` is logged in on `kind` and returns `result` with the new visit.
  func loggedIn(
    _ email: String, on kind: SiteDeviceKind, after result: SiteActionResult,
    for source: SiteVisitSource
  ) throws(SandboxError) -> SiteActionResult {
    var visit = result.visit
    visit[kind]?.email = email
    _ = try keep(visit, for: source)
    var result = result
    result.visit = visit
    return result
  }

  /// Keeps `visit` where `source` says: saved when stored; for a given visit, the source to
  /// continue from is the visit itself.
  func keep(_ visit: SiteVisit, for source: SiteVisitSource) throws(SandboxError)
    -> SiteVisitSource
  {
    guard case .stored = source else { return .given(visit) }
    try save(visit)
    return .stored
  }

  func save(_ visit: SiteVisit) throws(SandboxError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = (try? encoder.encode(visit)).map { String(decoding: $0, as: UTF8.self) }
    try storage { () throws(PersistenceError) in
      try store.setWorkspaceValue(text, forKey: Self.siteVisitKey)
    }
  }

  /// Whether a profile has `email` as an identity (an account exists).
  func accountExists(email: String) throws(SandboxError) -> Bool {
    do {
      _ = try clusterMembers(namespace: "Email", id: email)
      return true
    } catch .profileNotFound {
      return false
    }
  }

  /// Refuses a registration the site would refuse, with the field's reason.
  static func validate(_ registration: SiteRegistration) throws(SandboxError) {
    if let problem = registration.problem { throw .invalidRequest(problem.reason) }
  }

  /// A new 38-digit Experience Cloud ID.
  static func newECID() -> String {
    var generator = SystemRandomNumberGenerator()
    var text = String(Int.random(in: 1...9, using: &generator))
    for _ in 1..<38 { text += String(Int.random(in: 0...9, using: &generator)) }
    return text
  }
}
