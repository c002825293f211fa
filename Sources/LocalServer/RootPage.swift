import Hummingbird

/// The `GET /` page: which sandbox is served, the supported endpoints and a curl example to
/// paste.
enum RootPage {
  /// The page as HTML.
  static func html(baseURL: String, sandboxName: String, clientID: String?, secretConfigured: Bool)
    -> String
  {
    let id = clientID ?? "aep-lab"
    let secret = secretConfigured ? "YOUR_CLIENT_SECRET" : "any-secret"
    let example = """
      TOKEN=$(curl -s -X POST '\(baseURL)/ims/token/v3' \\
        -d 'grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)&scope=openid' \\
        | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
      curl -s '\(baseURL)/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=YOUR_ECID&entityIdNS=ecid' \\
        -H "Authorization: Bearer $TOKEN" -H 'x-api-key: \(id)' \\
        -H 'x-gw-ims-org-id: aeplab@AdobeOrg' -H 'x-sandbox-name: \(sandboxName)'
      """
    let endpoints =
      ["GET /openapi.json (this server's OpenAPI document)", "POST /ims/token/v3"]
      + RouteCatalog.routes.map { "\($0.method.rawValue) \($0.template)" }
    return """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>aep-lab serve</title></head>
      <body>
      <h1>aep-lab serve</h1>
      <p>A local server with Adobe Experience Platform's paths, headers and JSON, serving the
      sandbox <b>\(escape(sandboxName))</b>. Every <code>/data/</code> call needs
      <code>Authorization: Bearer</code>, <code>x-api-key</code>, <code>x-gw-ims-org-id</code> and
      <code>x-sandbox-name: \(escape(sandboxName))</code>.</p>
      <h2>Pages</h2>
      <ul>
      \(Pages.entries.map { "<li><a href=\"\($0.0)\">\(escape($0.1))</a></li>" }.joined(separator: "\n"))
      </ul>
      <h2>Try it</h2>
      <pre>\(escape(example))</pre>
      <h2>Endpoints</h2>
      <ul>
      \(endpoints.map { "<li><code>\(escape($0))</code></li>" }.joined(separator: "\n"))
      </ul>
      </body></html>
      """
  }

  /// `text` with HTML's special characters escaped.
  static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      default: output.append(character)
      }
    }
    return output
  }
}
