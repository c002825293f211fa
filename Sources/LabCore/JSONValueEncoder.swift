import Foundation

/// Encodes `Encodable` values straight into a ``JSONValue``, with no JSON text in between.
///
/// It gives what `JSONEncoder` with its default strategies gives once its bytes are parsed
/// back (dates as seconds since 2001, data as Base64, URLs as their absolute string, a
/// non-finite number an error), but a ``JSONValue`` inside the value is taken as it is rather
/// than encoded member by member: the server's answers carry whole XDM profiles, and going
/// through text cost a tenth of a profile lookup's time.
///
/// For example:
///
/// ```swift
/// let value = try JSONValueEncoder().encode(["count": 3])  // .object(["count": .number(3)])
/// ```
public struct JSONValueEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The JSON value `value` encodes to.
  public func encode(_ value: some Encodable) throws -> JSONValue {
    let node = EncodingNode()
    try node.store(value, codingPath: [])
    return node.value
  }
}
