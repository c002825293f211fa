import LabCore

/// The requests of an `.http` file, in the format of the JetBrains and VS Code REST Client.
///
/// Requests are separated by lines starting with `###`; lines starting with `#` or `//` are
/// comments. A request is a request line `METHOD URL [HTTP/1.1]`, header lines `Name: value`,
/// a blank line and an optional body running to the next `###` or the end of the file.
/// Variables are written `{{NAME}}` and must be one of ``RequestTemplate/variableNames``.
///
/// For example:
///
/// ```swift
/// let file = try HTTPRequestFile.parse(text, path: "get-profile.http")
/// let request = try file.requests[0].resolved(variables: values, platformBaseURL: base)
/// ```
public struct HTTPRequestFile: Sendable, Equatable {
  /// The HTTP methods a request line may use.
  public static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

  /// The file's path, as given to ``parse(_:path:)``, for messages.
  public var path: String
  /// The requests, in the order they are written.
  public var requests: [RequestTemplate]

  /// Creates a file value from requests already parsed.
  public init(path: String, requests: [RequestTemplate]) {
    self.path = path
    self.requests = requests
  }

  /// Parses `text`, the contents of the file at `path`.
  ///
  /// Throws ``RequestFileError`` with the line of the first problem: no request line, a header
  /// without `:`, an unknown method, a URL that is not absolute http(s), an unclosed `{{` or an
  /// unknown variable.
  public static func parse(_ text: String, path: String) throws(RequestFileError)
    -> HTTPRequestFile
  {
    // "\r\n" is one Character, so splitting on newlines handles both line endings.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map(String.init)
    if lines.count > 1, lines.last == "" { lines.removeLast() }
    var requests: [RequestTemplate] = []
    var start = 0
    while start < lines.count {
      var end = start
      while end < lines.count, !(end > start && lines[end].hasPrefix("###")) { end += 1 }
      let from = lines[start].hasPrefix("###") ? start + 1 : start
      if let request = try parseBlock(lines, from: from, to: end, path: path) {
        requests.append(request)
      }
      start = end
    }
    guard !requests.isEmpty else { throw .noRequest(path: path, line: max(1, lines.count)) }
    return HTTPRequestFile(path: path, requests: requests)
  }

  /// The request `number` (from 1), or the only request when `number` is `nil`.
  public func request(_ number: Int?) throws(RequestFileError) -> RequestTemplate {
    if let number {
      guard number >= 1, number <= requests.count else {
        throw .noSuchRequest(path: path, requested: number, count: requests.count)
      }
      return requests[number - 1]
    }
    guard requests.count == 1 else {
      throw .noSuchRequest(path: path, requested: nil, count: requests.count)
    }
    return requests[0]
  }

  /// The method `word` was probably meant to be, for a "did you mean".
  static func suggestedMethod(for word: String) -> String? {
    Suggestion.closest(to: word.uppercased(), in: methods)
  }

  private static func isComment(_ line: String) -> Bool {
    let trimmed = line.trimmingSpaces
    return trimmed.hasPrefix("#") || trimmed.hasPrefix("//")
  }

  /// The request in `lines[from..<to]` (one `###` block), or `nil` when it holds only
  /// comments and blank lines.
  private static func parseBlock(_ lines: [String], from: Int, to end: Int, path: String)
    throws(RequestFileError) -> RequestTemplate?
  {
    var index = from
    while index < end, lines[index].trimmingSpaces.isEmpty || isComment(lines[index]) {
      index += 1
    }
    guard index < end else { return nil }
    let lineNumber = index + 1
    let requestLine = lines[index].trimmingSpaces
    try checkVariables(requestLine, path: path, line: lineNumber)
    let words = requestLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var method = "GET"
    var url = words[0]
    if !isAbsolute(words[0]) {
      if words[0].hasSuffix(":") || (words.count == 1 && words[0].contains(":")) {
        throw .noRequest(path: path, line: lineNumber)
      }
      method = words[0].uppercased()
      guard methods.contains(method) else {
        throw .unknownMethod(path: path, line: lineNumber, method: words[0])
      }
      guard words.count >= 2 else { throw .notAbsoluteURL(path: path, line: lineNumber, url: "") }
      url = words[1]
    }
    guard isAbsolute(url) else { throw .notAbsoluteURL(path: path, line: lineNumber, url: url) }
    index += 1
    var headers: [HeaderField] = []
    while index < end, !lines[index].trimmingSpaces.isEmpty {
      let line = lines[index]
      index += 1
      if isComment(line) { continue }
      try checkVariables(line, path: path, line: index)
      let words = line.trimmingSpaces.split(separator: " ", maxSplits: 2)
      if words.count >= 2, methods.contains(String(words[0]).uppercased()),
        isAbsolute(String(words[1]))
      {
        throw .missingSeparator(path: path, line: index)
      }
      guard let colon = line.firstIndex(of: ":"), !String(line[..<colon]).trimmingSpaces.isEmpty
      else {
        throw .headerWithoutColon(path: path, line: index, text: line.trimmingSpaces)
      }
      headers.append(
        HeaderField(
          String(line[..<colon]).trimmingSpaces,
          String(line[line.index(after: colon)...]).trimmingSpaces))
    }
    var bodyLines = Array(lines[min(index + 1, end)..<end])
    for (offset, line) in bodyLines.enumerated() {
      try checkVariables(line, path: path, line: index + 2 + offset)
    }
    while let last = bodyLines.last, last.trimmingSpaces.isEmpty { bodyLines.removeLast() }
    let body = bodyLines.isEmpty ? nil : bodyLines.joined(separator: "\n")
    return RequestTemplate(
      method: method, url: url, headers: headers, body: body, line: lineNumber)
  }

  private static func isAbsolute(_ url: String) -> Bool {
    let lowered = url.lowercased()
    return (lowered.hasPrefix("http://") && lowered.count > 7)
      || (lowered.hasPrefix("https://") && lowered.count > 8)
  }

  /// Throws for an unclosed `{{` or a variable other than the standard ones on `line`.
  private static func checkVariables(_ text: String, path: String, line: Int)
    throws(RequestFileError)
  {
    for name in try RequestTemplate.variables(in: text, path: path, line: line)
    where !RequestTemplate.variableNames.contains(name) {
      throw .unknownVariable(
        path: path, line: line, name: name, known: RequestTemplate.variableNames)
    }
  }
}
