import Foundation

/// Removes secrets from text before it is printed, logged or traced.
///
/// For example:
///
/// ```swift
/// let redactor = Redactor(secrets: ["s3cr3t"])
/// redactor.redact("client_secret=s3cr3t")  // "client_secret=‹redacted›"
/// Redactor.redactURL("https://h/x?access_token=abc&a=1")  // "https://h/x?access_token=‹redacted›&a=1"
/// ```
public struct Redactor: Sendable {
  /// Query parameter names whose values are always hidden.
  public static let sensitiveParameters: Set<String> = [
    "client_secret", "access_token", "token", "jwt_token", "code", "password", "refresh_token",
  ]

  /// The exact strings to hide wherever they appear (secrets shorter than 4 characters are
  /// ignored, as hiding them would garble ordinary text).
  public var secrets: [String]

  /// Creates a redactor for `secrets`.
  public init(secrets: [String]) {
    self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
  }

  /// `text` with every known secret replaced by the placeholder, and any bearer token hidden.
  public func redact(_ text: String) -> String {
    var result = text
    for secret in secrets {
      result = result.replacingAll(secret, with: Secret.placeholder)
    }
    return Self.redactBearer(Self.redactURL(result))
  }

  /// `url` (or any text holding query strings) with sensitive parameter values hidden.
  public static func redactURL(_ url: String) -> String {
    var output = ""
    var index = url.startIndex
    while index < url.endIndex {
      let character = url[index]
      output.append(character)
      index = url.index(after: index)
      guard character == "?" || character == "&" else { continue }
      guard let equals = url[index...].firstIndex(of: "=") else { continue }
      let name = url[index..<equals]
      guard !name.contains("&"), !name.contains(" "),
        sensitiveParameters.contains(name.lowercased())
      else { continue }
      output += name + "=" + Secret.placeholder
      let valueStart = url.index(after: equals)
      index =
        url[valueStart...].firstIndex { $0 == "&" || $0 == " " || $0 == "\"" || $0 == "\n" }
        ?? url.endIndex
    }
    return output
  }

  /// `text` with the word after every `Bearer ` hidden.
  public static func redactBearer(_ text: String) -> String {
    var output = ""
    var rest = text[...]
    while let range = rest.range(of: "Bearer ", options: []) {
      output += rest[..<range.upperBound]
      let after = rest[range.upperBound...]
      let end =
        after.firstIndex { $0 == " " || $0 == "\"" || $0 == "\n" || $0 == "," } ?? after.endIndex
      if after.startIndex < end { output += Secret.placeholder }
      rest = after[end...]
    }
    return output + rest
  }
}

extension String {
  /// The string with every occurrence of `target` replaced.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var output = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      output += rest[..<range.lowerBound]
      output += replacement
      rest = rest[range.upperBound...]
    }
    return output + rest
  }
}
