import LabCore

/// Whole numbers in `pql/json`: a JSON number while it is below 9e15 (a double holds it
/// exactly, and ``LabCore/JSONValue/intValue`` reads it back), otherwise the digits as a string, so `pql convert --to json` never writes a value that
/// converts back to another one.
enum PQLJSONInteger {
  /// Magnitudes from this one on are written as strings (``LabCore/JSONValue/intValue``'s
  /// bound, a little under 2^53).
  static let exactLimit: UInt = 9_000_000_000_000_000

  /// Whether `value` is written as a JSON number.
  static func isExact(_ value: Int) -> Bool { value.magnitude < exactLimit }

  /// `value` as `pql/json` writes it.
  static func encode(_ value: Int) -> JSONValue {
    isExact(value) ? .number(Double(value)) : .string(String(value))
  }

  /// The whole number `json` holds (a whole JSON number, or a string of digits), or `nil`.
  static func decode(_ json: JSONValue?) -> Int? {
    switch json {
    case .string(let text)?: return Int(text)
    case let value?: return value.intValue
    case nil: return nil
    }
  }
}
