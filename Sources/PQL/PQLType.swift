/// What the checker knows about a value's type before any data is read.
enum PQLType: String, Sendable, Hashable {
  case unknown, null, boolean, integer, double, number, string, date, dateTime, list, map, entry

  /// How messages name the type.
  var phrase: String {
    switch self {
    case .unknown: return "a value"
    case .null: return "null"
    case .boolean: return "a boolean"
    case .integer: return "an integer"
    case .double: return "a decimal number"
    case .number: return "a number"
    case .string: return "a string"
    case .date: return "a date"
    case .dateTime: return "a date-time"
    case .list: return "a list"
    case .map: return "a map"
    case .entry: return "a map entry"
    }
  }

  var isNumeric: Bool { self == .integer || self == .double || self == .number }

  var isTemporal: Bool { self == .date || self == .dateTime }
}
