/// Why an identity value (and with it its record) is refused by Identity Service's guardrails.
public enum IdentityRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  /// The namespace code is not known in this sandbox.
  case unknownNamespace(String, known: [String])
  /// The value is an empty string.
  case emptyValue(namespace: String)
  /// The value is JSON `null` or not a string.
  case nullValue(namespace: String)
  /// The value is a placeholder the Platform refuses (`anonymous`, `invalid`, `null`).
  case placeholderValue(namespace: String, value: String)
  /// The value holds a control character (a tab, a line break, NUL, …).
  case controlCharacter(namespace: String)
  /// The value is longer than the limit.
  case valueTooLong(namespace: String, length: Int, limit: Int)
  /// An ECID that is not exactly 38 digits.
  case malformedECID(value: String)
  /// The record has more identities than the limit.
  case tooManyIdentities(count: Int, limit: Int)

  /// The refusal as one sentence: what is wrong and how to fix it.
  public var description: String {
    switch self {
    case .unknownNamespace(let code, let known):
      return
        "unknown identity namespace '\(code)'; known namespaces are \(known.joined(separator: ", "))"
        + " (create one with 'aep-lab namespace create')"
    case .emptyValue(let namespace):
      return "the \(namespace) identity is empty; give it a value or leave the field out"
    case .nullValue(let namespace):
      return "the \(namespace) identity is null or not a string; identity values are strings"
    case .placeholderValue(let namespace, let value):
      return
        "the \(namespace) identity '\(value)' is a placeholder the Platform refuses; leave the "
        + "field out when the value is unknown"
    case .controlCharacter(let namespace):
      return
        "the \(namespace) identity holds a control character (a tab, line break or NUL); "
        + "identity values are printable text: remove it"
    case .valueTooLong(let namespace, let length, let limit):
      return
        "the \(namespace) identity is \(length) characters long; identity values may have at most "
        + "\(limit)"
    case .malformedECID(let value):
      return "the ECID '\(value)' is not exactly 38 digits"
    case .tooManyIdentities(let count, let limit):
      return "the record has \(count) identities; a record may have at most \(limit)"
    }
  }
}
