import Foundation
import LabCore

/// Parses JSON text into a ``JSONValue`` and words syntax errors with a line and column.
public enum JSONText {
  /// The result of parsing: a value, or a one-line description of the syntax error.
  public enum Parsed: Sendable {
    /// The document.
    case value(JSONValue)
    /// What is wrong and where, for example "unexpected character 'x' around line 3, column 5".
    case syntaxError(String)
  }

  /// Parses `data` as one JSON document.
  public static func parse(_ data: Data) -> Parsed {
    do {
      return .value(try JSONDecoder().decode(JSONValue.self, from: data))
    } catch {
      return .syntaxError(syntaxDetail(of: error))
    }
  }

  /// The most specific description Foundation gives of a JSON syntax error.
  static func syntaxDetail(of error: any Error) -> String {
    var detail: String?
    if case .dataCorrupted(let context) = error as? DecodingError {
      if let underlying = context.underlyingError as NSError? {
        detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
      }
      if detail == nil, !context.debugDescription.isEmpty {
        detail = context.debugDescription
      }
    }
    let text = detail ?? "\(error.localizedDescription)"
    let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
    return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
  }
}
