import LabCore

/// A value a PQL expression produces: a scalar, a date or time, a list, a map or an XDM object.
///
/// XDM objects from the input stay as their JSON (``PQLValue/object(_:)``) and are read lazily,
/// so evaluating `person.gender = "male"` never copies the profile.
///
/// For example:
///
/// ```swift
/// let value = try PQLQuery("loyalty.points * 2").evaluate(profile: profile, now: now)
/// value.json  // .number(2500)
/// ```
public enum PQLValue: Sendable, Hashable {
  /// Null or absent.
  case null
  /// `true` or `false`.
  case boolean(Bool)
  /// A 64-bit integer.
  case integer(Int)
  /// A double-precision number.
  case double(Double)
  /// A string.
  case string(String)
  /// A calendar day.
  case date(PQLDate)
  /// An instant.
  case dateTime(PQLDateTime)
  /// A list.
  case list([PQLValue])
  /// A map built by PQL (`groupBy`, `mapEntry`, an object literal).
  case map([String: PQLValue])
  /// An XDM object from the input, read field by field.
  case object([String: JSONValue])
  /// One map entry made by `mapEntry(key, value)`; `map(...)` collects entries into a map.
  indirect case entry(String, PQLValue)

  /// Converts input JSON: integral numbers become integers, arrays become lists, objects stay JSON.
  public init(json: JSONValue) {
    switch json {
    case .null: self = .null
    case .bool(let flag): self = .boolean(flag)
    case .number(let number):
      if number.rounded() == number, abs(number) < 9.0e15 {
        self = .integer(Int(number))
      } else {
        self = .double(number)
      }
    case .string(let text): self = .string(text)
    case .array(let items): self = .list(items.map(PQLValue.init(json:)))
    case .object(let members): self = .object(members)
    }
  }

  /// The value as JSON; dates and times become ISO-8601 strings.
  public var json: JSONValue {
    switch self {
    case .null: return .null
    case .boolean(let flag): return .bool(flag)
    case .integer(let number): return .number(Double(number))
    case .double(let number): return number.isFinite ? .number(number) : .null
    case .string(let text): return .string(text)
    case .date(let date): return .string(date.description)
    case .dateTime(let instant): return .string(instant.description)
    case .list(let items): return .array(items.map(\.json))
    case .map(let members): return .object(members.mapValues(\.json))
    case .object(let members): return .object(members)
    case .entry(let key, let value): return .object(["key": .string(key), "value": value.json])
    }
  }

  /// Whether this is null.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The value as a condition: `true`, or a non-empty list; everything else is false.
  public var isTruthy: Bool {
    switch self {
    case .boolean(let flag): return flag
    case .list(let items): return !items.isEmpty
    default: return false
    }
  }

  /// The value as PQL text would show it: strings quoted, lists in brackets, times in ISO-8601.
  public var displayText: String {
    switch self {
    case .string(let text): return JSONValue.string(text).serialized()
    case .date(let date): return date.description
    case .dateTime(let instant): return instant.description
    default: return json.serialized()
    }
  }
}
