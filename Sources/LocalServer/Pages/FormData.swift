import Foundation
import Hummingbird
import PlatformAPI

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

  /// Parses `text` such as `a=1&b=x%20y`, as the API decodes a query string.
  init(text: String) {
    fields = QueryParameters(text).dictionary
  }

  /// The field `name`, trimmed; empty when absent.
  subscript(name: String) -> String {
    (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
