import LabCore

/// Whole numbers in `pql/json`: a JSON number while a double holds it exactly (up to 2^53),
/// otherwise the digits as a string, so `pql convert --to json` never writes a value that
/// converts back to another one.
enum PQLJSONInteger {
  /// The largest magnitude a JSON number (a double) holds exactly.
  static let exactLimit = 1 << 53

  /// Whether `value` is written as a JSON number.
  static func isExact(_ value: Int) -> Bool { value.magnitude <= exactLimit.magnitude }

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
