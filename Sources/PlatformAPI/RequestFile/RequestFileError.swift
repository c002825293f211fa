import Foundation

/// A problem in an `.http` request file, or in resolving one of its requests: where it is
/// (`path`, 1-based `line`), what is wrong and how to fix it.
public enum RequestFileError: Error, Sendable, Equatable {
  /// The file (or the block ending at `line`) holds no request line such as `GET https://...`.
  case noRequest(path: String, line: Int)
  /// A header line without the `:` between name and value.
  case headerWithoutColon(path: String, line: Int, text: String)
  /// A request line whose method is not an HTTP method aep-lab sends.
  case unknownMethod(path: String, line: Int, method: String)
  /// A request URL that is not an absolute `http://` or `https://` URL.
  case notAbsoluteURL(path: String, line: Int, url: String)
  /// A second request line inside a request's headers: the `###` between requests is missing.
  case missingSeparator(path: String, line: Int)
  /// A `{{` without its closing `}}`.
  case unclosedVariable(path: String, line: Int)
  /// A `{{NAME}}` that is not one of the `known` variables.
  case unknownVariable(path: String, line: Int, name: String, known: [String])
  /// `--request N` (or the default) does not pick one request of the file.
  case noSuchRequest(path: String, requested: Int?, count: Int)

  /// The file the problem is in, as the user named it.
  public var path: String {
    switch self {
    case .noRequest(let path, _), .headerWithoutColon(let path, _, _),
      .unknownMethod(let path, _, _), .notAbsoluteURL(let path, _, _),
      .missingSeparator(let path, _), .unclosedVariable(let path, _),
      .unknownVariable(let path, _, _, _),
      .noSuchRequest(let path, _, _):
      return path
    }
  }

  /// The 1-based line the problem is on (`nil` when it concerns the whole file).
  public var line: Int? {
    switch self {
    case .noRequest(_, let line), .headerWithoutColon(_, let line, _),
      .unknownMethod(_, let line, _), .notAbsoluteURL(_, let line, _),
      .missingSeparator(_, let line), .unclosedVariable(_, let line),
      .unknownVariable(_, let line, _, _):
      return line
    case .noSuchRequest:
      return nil
    }
  }
}

extension RequestFileError: LocalizedError {
  /// `path:line:` followed by what is wrong and how to fix it.
  public var errorDescription: String? {
    let place: String
    switch (path.isEmpty, line) {
    case (true, let line?): place = "Line \(line): "
    case (false, let line?): place = "\(path):\(line): "
    default: place = "'\(path)': "
    }
    switch self {
    case .noRequest:
      return place
        + "no request line was found. Start each request with a line such as "
        + "'GET https://platform.adobe.io/data/core/idnamespace/identities', then its headers."
    case .headerWithoutColon(_, _, let text):
      return place
        + "the header '\(text)' has no ':'. Write headers as 'Name: value', and leave one "
        + "blank line before the body."
    case .unknownMethod(_, _, let method):
      let methods = HTTPRequestFile.methods.joined(separator: ", ")
      var text = place + "'\(method)' is not an HTTP method. Use one of \(methods)"
      if let close = HTTPRequestFile.suggestedMethod(for: method) {
        text += " (did you mean '\(close)'?)"
      }
      return text + ", for example 'GET https://platform.adobe.io/...'."
    case .notAbsoluteURL(_, _, let url):
      return place
        + "the URL '\(url)' is not an absolute http(s) URL. Write it in full, for example "
        + "'https://platform.adobe.io/data/core/ups/access/entities?...'."
    case .missingSeparator:
      return place
        + "a second request line follows the first request's headers. Separate requests with "
        + "a line starting with '###'."
    case .unclosedVariable:
      return place + "a '{{' is not closed. Write variables as '{{NAME}}', for example "
        + "'{{ACCESS_TOKEN}}'."
    case .unknownVariable(_, _, let name, let known):
      return place
        + "there is no variable '\(name)'. The known variables are "
        + known.map { "'{{\($0)}}'" }.joined(separator: ", ") + "."
    case .noSuchRequest(_, let requested, let count):
      if let requested {
        return place
          + "there is no request \(requested); the file holds \(count) request"
          + (count == 1 ? "" : "s") + ". Pick one with '--request N', N from 1 to \(count)."
      }
      return place
        + "the file holds \(count) requests. Pick one with '--request N', N from 1 to "
        + "\(count), for example '--request 1'."
    }
  }
}
