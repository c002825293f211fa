import Hummingbird
import Mustache

/// Renders the page templates, parsed once, into HTML responses.
struct PageRenderer: Sendable {
  /// The parsed templates.
  let library: MustacheLibrary

  /// Parses ``PageTemplates/all``; a template that does not parse is a programming error the
  /// page tests catch, so it renders as an empty library entry rather than stopping the server.
  init() {
    var library = MustacheLibrary()
    for (name, text) in PageTemplates.all {
      try? library.register(text, named: name)
    }
    self.library = library
  }

  /// The HTML of `template` for `context`.
  func html(_ template: String, _ context: [String: Any]) -> String {
    library.render(context, withTemplate: template) ?? ""
  }

  /// A response with `template` rendered, with `status` and any extra headers.
  func response(
    _ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok,
    setCookie: String? = nil
  ) -> Response {
    var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
    headers[.cacheControl] = "no-store"
    if let setCookie { headers[.setCookie] = setCookie }
    return Response(
      status: status, headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(string: html(template, context))))
  }

  /// A `303 See Other` to `location`, keeping `setCookie` when given.
  static func redirect(to location: String, setCookie: String? = nil) -> Response {
    var headers: HTTPFields = [.location: location]
    if let setCookie { headers[.setCookie] = setCookie }
    return Response(status: .seeOther, headers: headers)
  }
}
