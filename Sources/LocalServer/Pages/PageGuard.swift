import Foundation
import HTTPTypes
import Hummingbird

/// Keeps other websites from reading or driving the pages.
///
/// A page request must name this server by a loopback host (`127.0.0.1`, `localhost`,
/// `[::1]`, or the address it was told to bind), which defeats DNS rebinding; and a request
/// that changes state must not come from another origin (CSRF). The API keeps its own token
/// checks.
struct PageGuard<Context: RequestContext>: RouterMiddleware {
  /// The path prefixes of the pages.
  static var pagePrefixes: [String] { ["/luma", "/callcenter", "/platform", "/assets", "/pages"] }

  /// The host names accepted in `Host` (without the port).
  let hosts: Set<String>

  /// Guards the pages of a server bound to `boundHost`.
  init(boundHost: String) {
    hosts = ["127.0.0.1", "localhost", "::1", boundHost.lowercased()]
  }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    guard Self.pagePrefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else {
      return try await next(request, context)
    }
    let host = request.head.authority ?? ""
    guard hosts.contains(Self.hostName(host)) else {
      return Self.refusal(
        "This page answers only when asked by this machine's own address (for example "
          + "http://127.0.0.1:8080/luma/); the Host '\(host)' is not one.")
    }
    if request.method != .get && request.method != .head {
      if let origin = request.headers[.origin] {
        let bare = origin.replacingOccurrences(of: "http://", with: "")
        guard origin.hasPrefix("http://"), hosts.contains(Self.hostName(bare)) else {
          return Self.refusal(
            "A page from another website ('\(origin)') may not change this sandbox.")
        }
      } else if let site = HTTPField.Name("Sec-Fetch-Site"),
        request.headers[site].map({
          $0 != "same-origin" && $0 != "none"
        })
          == true
      {
        return Self.refusal("A request from another website may not change this sandbox.")
      }
    }
    return try await next(request, context)
  }

  /// The host name of a `Host` value, without its port or IPv6 brackets, lower case.
  static func hostName(_ authority: String) -> String {
    var text = authority.lowercased()
    if text.hasPrefix("[") {
      text = String(text.dropFirst().prefix { $0 != "]" })
      return text
    }
    if let colon = text.lastIndex(of: ":") { text = String(text[..<colon]) }
    return text
  }

  /// A 403 page saying why.
  static func refusal(_ message: String) -> Response {
    Response(
      status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
  }
}
