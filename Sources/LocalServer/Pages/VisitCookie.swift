import Foundation
import Hummingbird
import Sandbox

/// The browser's visit of the Luma site and app, kept in one cookie: a new private window has
/// no cookie, so it is a new anonymous visitor with a new ECID, as in the module.
enum VisitCookie {
  /// The cookie's name.
  static let name = "luma_visit"

  /// The visit the request's cookie holds (an empty visit without one, or with a broken one).
  static func visit(in request: Request) -> SiteVisit {
    guard let value = request.cookies[name]?.value,
      let data = Data(
        base64Encoded: value.replacingOccurrences(of: "-", with: "+")
          .replacingOccurrences(of: "_", with: "/") + padding(value)),
      let visit = try? JSONDecoder().decode(SiteVisit.self, from: data)
    else { return SiteVisit() }
    return visit
  }

  /// The `Set-Cookie` value that keeps `visit` (for the session, this site's paths only).
  static func header(for visit: SiteVisit) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(visit)) ?? Data()
    let value = data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    return "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
  }

  /// The `=` padding base64 needs for `value`'s length.
  private static func padding(_ value: String) -> String {
    String(repeating: "=", count: (4 - value.count % 4) % 4)
  }
}
