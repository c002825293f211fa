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
      return .syntaxError(syntaxDetail(of: data))
    }
  }

  /// Why `data` is not JSON, with a line and column when Foundation gives a position.
  static func syntaxDetail(of data: Data) -> String {
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return "it is not a single JSON document"
    } catch {
      let raw =
        ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)
        ?? error.localizedDescription
      var text = raw.hasSuffix(".") ? String(raw.dropLast()) : raw
      if let range = text.range(of: #"character \d+"#, options: .regularExpression),
        let offset = Int(text[range].dropFirst("character ".count))
      {
        let (line, column) = position(ofByte: offset, in: data)
        text.replaceSubrange(range, with: "line \(line), column \(column)")
      }
      return text.prefix(1).lowercased() + text.dropFirst()
    }
  }

  /// The 1-based line and column of the byte at `offset`.
  static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in data.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  /// The most specific description Foundation gives of a JSON decoding error.
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
