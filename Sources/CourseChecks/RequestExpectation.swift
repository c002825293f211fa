import Curriculum
import Foundation
import LabCore
import PlatformAPI

/// What an exercise's request must be: its method, its path on the Platform and the query
/// parameters it must carry (values compared ignoring case, as the Platform compares
/// namespaces and schema names).
struct RequestExpectation: Decodable, Sendable {
  /// `GET`, `POST`, ...
  var method: String
  /// The path after `https://platform.adobe.io`, such as `/data/core/ups/access/entities`.
  var path: String
  /// Query parameters that must be present, with their values.
  var query: [String: String]

  /// The findings for `template`, empty when it fits.
  ///
  /// The first of: a URL not written against the Platform, a wrong method or path, a missing or
  /// wrong query parameter.
  func findings(for template: RequestTemplate, location: String) -> [Finding] {
    let place = "\(location):\(template.line)"
    guard template.url.hasPrefix(RequestTemplate.platformPrefix + "/") else {
      return [
        Finding(
          message: "The request's URL is not written against the Platform.",
          expected: "\(RequestTemplate.platformPrefix)\(path)?...",
          found: String(template.url.prefix(80)), location: place,
          fix: "Start the URL with \(RequestTemplate.platformPrefix): 'aep-lab api send' and "
            + "the check replace it with the server they talk to, so the same file works live.")
      ]
    }
    guard template.method == method else {
      return [
        Finding(
          message: "The request uses the wrong method.", expected: method,
          found: template.method, location: place,
          fix: "Reading a profile or its events is a \(method) request.")
      ]
    }
    let target = template.url.dropFirst(RequestTemplate.platformPrefix.count)
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let written = String(parts[0])
    guard written == path else {
      return [
        Finding(
          message: "The request goes to another endpoint.", expected: path, found: written,
          location: place,
          fix: "Lesson 4 gives the endpoint under 'Step 2' (a profile) and 'Step 3' (its events).")
      ]
    }
    let parameters = Self.query(parts.count > 1 ? String(parts[1]) : "")
    for (name, value) in query.sorted(by: { $0.key < $1.key }) {
      guard let found = parameters[name] else {
        return [
          Finding(
            message: "The query lacks the parameter '\(name)'.",
            expected: "\(name)=\(value)", found: "no '\(name)'", location: place,
            fix: "Add '&\(name)=\(value)' to the URL (names are case-sensitive).")
        ]
      }
      guard found.lowercased() == value.lowercased() else {
        return [
          Finding(
            message: "The query parameter '\(name)' has the wrong value.",
            expected: value, found: found, location: place,
            fix: "Set '\(name)=\(value)': the exercise asks for exactly this lookup.")
        ]
      }
    }
    return []
  }

  /// The query string's parameters, decoded as the server decodes them (`+` is a space).
  static func query(_ text: String) -> [String: String] {
    QueryParameters(text).dictionary
  }
}
