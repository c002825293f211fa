import Foundation
import LabCore

/// Reads JSON text into a ``JSONValue`` through Foundation's decoder.
enum JSONValueReader {
  static func read(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }
}
