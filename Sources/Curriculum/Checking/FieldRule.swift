import Foundation
import LabCore

/// One requirement on a JSON document's field: present, of a type, equal to or one of some
/// values, matching a pattern, within bounds.
///
/// For example, in an exercise's `file-structure` parameters:
///
/// ```json
/// { "path": "expression.format", "oneOf": ["pql/text", "pql/json"],
///   "message": "The format names the query language of 'value'." }
/// ```
public struct FieldRule: Codable, Sendable, Equatable {
  /// The field's dotted path; a number steps into an array (`profiles.0.id`).
  public var path: String
  /// Whether the field must be present (default true).
  public var required: Bool?
  /// The JSON type: `string`, `number`, `integer`, `boolean`, `array`, `object`.
  public var type: String?
  /// The exact value it must have.
  public var equals: JSONValue?
  /// The values it may have.
  public var oneOf: [JSONValue]?
  /// Whether `equals` and `oneOf` ignore letter case (default false).
  public var caseInsensitive: Bool?
  /// A regular expression the whole string must match.
  public var pattern: String?
  /// Whether a string, array or object must not be empty.
  public var notEmpty: Bool?
  /// The smallest number allowed.
  public var minimum: Double?
  /// The largest number allowed.
  public var maximum: Double?
  /// A sentence shown with every finding of this rule: why the field matters.
  public var message: String?
  /// How findings name the field, for example "Question 'q2'" (default "The field '<path>'").
  public var label: String?

  /// Creates a rule; only `path` is needed.
  public init(
    path: String, required: Bool? = nil, type: String? = nil, equals: JSONValue? = nil,
    oneOf: [JSONValue]? = nil, caseInsensitive: Bool? = nil, pattern: String? = nil,
    notEmpty: Bool? = nil, minimum: Double? = nil, maximum: Double? = nil, message: String? = nil,
    label: String? = nil
  ) {
    self.path = path
    self.required = required
    self.type = type
    self.equals = equals
    self.oneOf = oneOf
    self.caseInsensitive = caseInsensitive
    self.pattern = pattern
    self.notEmpty = notEmpty
    self.minimum = minimum
    self.maximum = maximum
    self.message = message
    self.label = label
  }

  /// The JSON types a rule may name.
  public static let types = ["string", "number", "integer", "boolean", "array", "object"]

  /// What is wrong with the rule itself, or `nil` when it can be used.
  public func problem() -> String? {
    if path.isEmpty { return "a rule has an empty \"path\"" }
    if let type, !Self.types.contains(type) {
      return "rule '\(path)' has type '\(type)'; use one of \(Self.types.joined(separator: ", "))"
    }
    if let pattern, (try? Regex(pattern)) == nil {
      return "rule '\(path)' has a pattern that is not a valid regular expression"
    }
    return nil
  }

  /// The findings for this rule in `document`; `file` locates them.
  public func findings(in document: JSONValue, file: String) -> [Finding] {
    let location = "\(file) › \(path)"
    func finding(_ text: String, expected: String, found: String) -> Finding {
      Finding(
        message: [text, message].compactMap { $0 }.joined(separator: " "), expected: expected,
        found: found, location: location)
    }
    guard let value = Self.value(at: path, in: document) else {
      guard required ?? true else { return [] }
      return [finding("\(subject) is missing.", expected: expectation, found: "nothing")]
    }
    if let type, !Self.value(value, isOfType: type) {
      var message = "\(subject) has the wrong type."
      if type == "boolean", let text = value.stringValue?.lowercased(),
        text == "true" || text == "false"
      {
        message += " Write \(text) without quotes."
      } else if type == "number", let text = value.stringValue, Double(text) != nil {
        message += " Write \(text) without quotes."
      }
      return [finding(message, expected: "a value of type \(type)", found: Self.describe(value))]
    }
    if notEmpty == true, Self.isEmpty(value) {
      return [finding("\(subject) is empty.", expected: expectation, found: "empty")]
    }
    if let equals, !matches(value, equals) {
      return [
        finding(
          "\(subject) has the wrong value.", expected: equals.serialized(),
          found: value.serialized())
      ]
    }
    if let oneOf, !oneOf.contains(where: { matches(value, $0) }) {
      return [
        finding(
          "\(subject) is not one of the allowed values.",
          expected: "one of " + oneOf.map { $0.serialized() }.joined(separator: ", "),
          found: value.serialized())
      ]
    }
    if let pattern, let text = value.stringValue, let regex = try? Regex(pattern),
      (try? regex.wholeMatch(in: text)) == nil
    {
      return [
        finding(
          "\(subject) does not have the expected form.",
          expected: "text matching \(pattern)", found: value.serialized())
      ]
    }
    if let number = value.numberValue {
      if let minimum, number < minimum {
        return [
          finding(
            "\(subject) is too small.",
            expected: "at least \(JSONValue.number(minimum).serialized())",
            found: value.serialized())
        ]
      }
      if let maximum, number > maximum {
        return [
          finding(
            "\(subject) is too large.",
            expected: "at most \(JSONValue.number(maximum).serialized())",
            found: value.serialized())
        ]
      }
    }
    return []
  }

  private var subject: String { label ?? "The field '\(path)'" }

  /// A short description of what the rule wants, for a missing or empty field.
  var expectation: String {
    if let equals { return equals.serialized() }
    if let oneOf { return "one of " + oneOf.map { $0.serialized() }.joined(separator: ", ") }
    if let type { return notEmpty == true ? "a non-empty \(type)" : "a value of type \(type)" }
    return "a value"
  }

  private func matches(_ value: JSONValue, _ wanted: JSONValue) -> Bool {
    if caseInsensitive == true, let lhs = value.stringValue, let rhs = wanted.stringValue {
      return lhs.trimmingCharacters(in: .whitespaces)
        .caseInsensitiveCompare(rhs.trimmingCharacters(in: .whitespaces)) == .orderedSame
    }
    return value == wanted
  }

  /// The value at a dotted path; numeric steps index arrays.
  public static func value(at path: String, in document: JSONValue) -> JSONValue? {
    var current = document
    for step in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
      if let object = current.objectValue, let next = object[step] {
        current = next
      } else if let array = current.arrayValue, let index = Int(step), array.indices.contains(index)
      {
        current = array[index]
      } else {
        return nil
      }
    }
    return current
  }

  static func value(_ value: JSONValue, isOfType type: String) -> Bool {
    switch type {
    case "string": return value.stringValue != nil
    case "number": return value.numberValue != nil
    case "integer": return value.intValue != nil
    case "boolean": return value.boolValue != nil
    case "array": return value.arrayValue != nil
    case "object": return value.objectValue != nil
    default: return false
    }
  }

  static func isEmpty(_ value: JSONValue) -> Bool {
    switch value {
    case .string(let text): return text.trimmingCharacters(in: .whitespaces).isEmpty
    case .array(let elements): return elements.isEmpty
    case .object(let members): return members.isEmpty
    case .null: return true
    default: return false
    }
  }

  /// A value described for "found": its JSON, or its kind when long.
  static func describe(_ value: JSONValue) -> String {
    let text = value.serialized()
    if text.count <= 60 { return text }
    switch value {
    case .array(let elements): return "an array of \(elements.count) values"
    case .object(let members): return "an object with \(members.count) fields"
    default: return String(text.prefix(57)) + "..."
    }
  }
}
