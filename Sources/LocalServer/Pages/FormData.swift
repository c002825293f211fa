import Foundation
import Hummingbird

/// The fields of an HTML form (`application/x-www-form-urlencoded`), from a request body or a
/// query string.
struct FormData: Sendable {
  /// The fields; the first value of a repeated name wins.
  var fields: [String: String]

  /// Reads the body of `request` (at most `limit` bytes).
  static func read(_ request: Request, limit: Int = 64 * 1024) async throws -> FormData {
    var request = request
    let buffer = try await request.collectBody(upTo: limit)
    return FormData(text: String(buffer: buffer))
  }

  /// Parses `text` such as `a=1&b=x%20y`.
  init(text: String) {
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
      }
      let name = decode(parts[0])
      if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
    }
    self.fields = fields
  }

  /// The field `name`, trimmed; empty when absent.
  subscript(name: String) -> String {
    (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
