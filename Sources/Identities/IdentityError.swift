import LabCore

/// What can go wrong when changing namespaces or identity graph linking rules.
public enum IdentityError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A namespace with this code or name already exists.
  case duplicateNamespace(String)
  /// The code is empty or has spaces.
  case invalidNamespaceCode(String)
  /// A standard namespace cannot be changed.
  case standardNamespaceIsReadOnly(String)
  /// The name holds a control character.
  case invalidNamespaceName(String)
  /// A rule names a namespace that does not exist.
  case unknownNamespace(String, known: [String])
  /// A unique namespace is missing from the priority list.
  case uniqueNamespaceWithoutPriority(String)
  /// A cookie or device namespace is ranked above a person namespace.
  case deviceOutranksPerson(device: String, person: String)
  /// A namespace appears twice in a list.
  case repeatedNamespace(String)

  /// The error as one sentence.
  public var description: String {
    switch self {
    case .duplicateNamespace(let code):
      return "a namespace with the code or name '\(code)' already exists"
    case .invalidNamespaceCode(let code):
      return
        "\(JSONValue.string(code).serialized()) is not a usable namespace code; use letters, digits, '_', "
        + "'-' and '.', without spaces or control characters"
    case .standardNamespaceIsReadOnly(let code):
      return "'\(code)' is a standard namespace; only custom namespaces can be changed"
    case .invalidNamespaceName(let name):
      return
        "the namespace name \(JSONValue.string(name).serialized()) holds a control character (a tab, line "
        + "break or NUL); use printable text"
    case .unknownNamespace(let code, let known):
      return
        "unknown identity namespace '\(code)'; known namespaces are \(known.joined(separator: ", "))"
    case .uniqueNamespaceWithoutPriority(let code):
      return "the unique namespace '\(code)' must also appear in the priority list"
    case .deviceOutranksPerson(let device, let person):
      return
        "'\(device)' (a cookie or device namespace) cannot have a higher priority than the person "
        + "namespace '\(person)'"
    case .repeatedNamespace(let code):
      return "the namespace '\(code)' is listed twice"
    }
  }
}
