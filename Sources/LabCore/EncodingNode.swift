import Foundation

/// One value being encoded: empty until a container or a single value fills it.
final class EncodingNode {
  /// The value written by a single-value container.
  private var leaf: JSONValue?
  /// The members, once a keyed container was asked for.
  private var members: [String: EncodingNode]?
  /// The elements, once an unkeyed container was asked for.
  private var elements: [EncodingNode]?

  /// The finished value (`{}` for a node nothing was written to, as `JSONEncoder` writes).
  var value: JSONValue {
    if let members { return .object(members.mapValues(\.value)) }
    if let elements { return .array(elements.map(\.value)) }
    return leaf ?? .object([:])
  }

  /// Makes this node the single value `value`.
  func set(_ value: JSONValue) {
    leaf = value
    members = nil
    elements = nil
  }

  /// Makes this node an object, keeping its members if it is one.
  func becomeObject() {
    guard members == nil else { return }
    members = [:]
    leaf = nil
    elements = nil
  }

  /// Makes this node an array, keeping its elements if it is one.
  func becomeArray() {
    guard elements == nil else { return }
    elements = []
    leaf = nil
    members = nil
  }

  /// The member `key` of this object node, created empty when new.
  func member(_ key: String) -> EncodingNode {
    becomeObject()
    if let existing = members?[key] { return existing }
    let child = EncodingNode()
    members?[key] = child
    return child
  }

  /// A new last element of this array node.
  func appendElement() -> EncodingNode {
    becomeArray()
    let child = EncodingNode()
    elements?.append(child)
    return child
  }

  /// The number of elements so far.
  var elementCount: Int { elements?.count ?? 0 }

  /// Stores `value` in this node, taking ``JSONValue``, strings, numbers and Foundation's
  /// special cases directly.
  func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
    switch value {
    case let json as JSONValue: set(json)
    case let text as String: set(.string(text))
    case let flag as Bool: set(.bool(flag))
    case let number as Int: set(.number(Double(number)))
    case let number as Int64: set(.number(Double(number)))
    case let number as Double: set(try Self.finite(number, codingPath))
    case let data as Data: set(.string(data.base64EncodedString()))
    case let url as URL: set(.string(url.absoluteString))
    default:
      try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
    }
  }

  /// `number` as JSON, or the error `JSONEncoder` throws for a NaN or an infinity.
  static func finite(_ number: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
    guard number.isFinite else {
      throw EncodingError.invalidValue(
        number,
        EncodingError.Context(
          codingPath: codingPath, debugDescription: "\(number) is not a valid JSON number."))
    }
    return .number(number)
  }
}
