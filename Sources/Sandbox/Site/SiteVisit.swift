/// The simulated Luma site's memory between commands: the browser visit, the app, and the
/// customer the call-center agent has on screen.
public struct SiteVisit: Codable, Sendable, Hashable {
  /// The desktop browser's visit (a private window), if one is open.
  public var web: SiteDevice?
  /// The mobile app, once it has been used.
  public var app: SiteDevice?
  /// The phone number of the customer the call-center agent looked up last.
  public var callCenterPhone: String?

  /// Creates a visit.
  public init(web: SiteDevice? = nil, app: SiteDevice? = nil, callCenterPhone: String? = nil) {
    self.web = web
    self.app = app
    self.callCenterPhone = callCenterPhone
  }

  /// The device of `kind`.
  public subscript(kind: SiteDeviceKind) -> SiteDevice? {
    get { kind == .web ? web : app }
    set {
      if kind == .web { web = newValue } else { app = newValue }
    }
  }
}

/// One device of the visit: its ECID and who is logged in on it.
public struct SiteDevice: Codable, Sendable, Hashable {
  /// The Experience Cloud ID the device got on its first visit.
  public var ecid: String
  /// The email of the account logged in, if any.
  public var email: String?

  /// Creates a device.
  public init(ecid: String, email: String? = nil) {
    self.ecid = ecid
    self.email = email
  }
}

/// Where an action happens: the website in a browser, or the mobile app.
public enum SiteDeviceKind: String, Codable, Sendable, Hashable {
  /// The website, in a desktop browser.
  case web
  /// The mobile app.
  case app

  /// The `channel` value the events carry.
  var channel: String { self == .web ? "web" : "mobile" }
}
