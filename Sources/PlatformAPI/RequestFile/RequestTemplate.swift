import Foundation

/// One request of an ``HTTPRequestFile`` as written, with its `{{NAME}}` variables still in
/// place.
///
/// For example, ``resolved(variables:platformBaseURL:)`` with `ACCESS_TOKEN` set and the base
/// `http://127.0.0.1:8080` turns
/// `GET https://platform.adobe.io/data/core/idnamespace/identities` with the header
/// `Authorization: Bearer {{ACCESS_TOKEN}}` into a request for
/// `http://127.0.0.1:8080/data/core/idnamespace/identities` carrying the token.
public struct RequestTemplate: Sendable, Equatable {
  /// The variables of the Adobe tutorial's Postman environment, in the order they are listed.
  public static let variableNames = ["ACCESS_TOKEN", "API_KEY", "IMS_ORG", "SANDBOX_NAME"]
  /// The Platform gateway that request files are written against.
  public static let platformPrefix = "https://platform.adobe.io"

  /// The HTTP method, upper case.
  public var method: String
  /// The URL as written, variables and percent-encoding included.
  public var url: String
  /// The header lines, in order.
  public var headers: [HeaderField]
  /// The body as written (lines joined with `\n`), or `nil` when there is none.
  public var body: String?
  /// The 1-based line of the request line in its file.
  public var line: Int

  /// Creates a template.
  public init(method: String, url: String, headers: [HeaderField], body: String?, line: Int) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.line = line
  }

  /// The request to send: every `{{NAME}}` replaced by `variables[NAME]`, and a URL written
  /// against `https://platform.adobe.io` moved to `platformBaseURL`.
  ///
  /// The URL keeps its percent-encoding as written: a literal `+` stays a `+` (which servers
  /// read as a space). Throws ``RequestFileError/unknownVariable(path:line:name:known:)`` for a
  /// name `variables` lacks, and ``RequestFileError/unclosedVariable(path:line:)``.
  public func resolved(variables: [String: String], platformBaseURL: String)
    throws(RequestFileError) -> TransportRequest
  {
    func fill(_ text: String) throws(RequestFileError) -> String {
      try Self.substitute(text, variables: variables, line: line)
    }
    var url = try fill(self.url)
    if url.hasPrefix(Self.platformPrefix) {
      let rest = url.dropFirst(Self.platformPrefix.count)
      if rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("?") {
        var base = platformBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        url = base + rest
      }
    }
    var filled: [HeaderField] = []
    for header in headers {
      filled.append(HeaderField(try fill(header.name), try fill(header.value)))
    }
    let body = try self.body.map { (text) throws(RequestFileError) in Array(try fill(text).utf8) }
    return TransportRequest(method: method, url: url, headers: filled, body: body)
  }

  /// The names of the `{{NAME}}` variables in `text`, in order; throws for an unclosed `{{`.
  static func variables(in text: String, path: String = "", line: Int = 0)
    throws(RequestFileError) -> [String]
  {
    var names: [String] = []
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw .unclosedVariable(path: path, line: line)
      }
      names.append(String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces)
      rest = rest[close.upperBound...]
    }
    return names
  }

  /// `text` with each `{{NAME}}` replaced by its value.
  private static func substitute(_ text: String, variables: [String: String], line: Int)
    throws(RequestFileError) -> String
  {
    var output = ""
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw .unclosedVariable(path: "", line: line)
      }
      let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces
      guard let value = variables[name] else {
        throw .unknownVariable(path: "", line: line, name: name, known: variables.keys.sorted())
      }
      output += rest[..<open.lowerBound]
      output += value
      rest = rest[close.upperBound...]
    }
    return output + rest
  }
}
