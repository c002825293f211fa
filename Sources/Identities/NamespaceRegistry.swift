/// The namespaces a sandbox knows: the standard ones plus the custom ones created in it.
///
/// Look-ups ignore case and accept aliases, so `email`, `EMAIL` and `Email` find the same
/// namespace, and `crmId` finds `CRMID`.
///
/// For example:
///
/// ```swift
/// var registry = NamespaceRegistry()
/// registry.namespace(for: "crmid")?.name  // "Demo System - CRMID"
/// ```
public struct NamespaceRegistry: Sendable, Hashable {
  /// Every namespace, standard ones first.
  public private(set) var namespaces: [IdentityNamespace]
  private var byCode: [String: Int] = [:]

  /// The first id given to a custom namespace.
  public static let firstCustomID = 20_000_000

  /// Creates a registry of the standard namespaces plus `custom`.
  public init(custom: [IdentityNamespace] = []) {
    namespaces = []
    for namespace in IdentityNamespace.standard + custom {
      insert(namespace)
    }
  }

  private mutating func insert(_ namespace: IdentityNamespace) {
    namespaces.append(namespace)
    for code in [namespace.code] + namespace.aliases {
      byCode[code.lowercased()] = namespaces.count - 1
    }
  }

  /// The namespace named by `code` (ignoring case, aliases included), or `nil`.
  public func namespace(for code: String) -> IdentityNamespace? {
    byCode[code.lowercased()].map { namespaces[$0] }
  }

  /// The namespace with numeric id `id`, or `nil`.
  public func namespace(withID id: Int) -> IdentityNamespace? {
    namespaces.first { $0.id == id }
  }

  /// The custom namespaces only.
  public var custom: [IdentityNamespace] { namespaces.filter(\.isCustom) }

  /// The codes of every namespace, for "known namespaces are ..." messages.
  public var codes: [String] { namespaces.map(\.code) }

  /// The identity `namespace`/`id` with its namespace's canonical code.
  ///
  /// - Throws: ``IdentityRefusal/unknownNamespace(_:known:)`` when no namespace answers.
  public func identity(namespace code: String, id: String) throws(IdentityRefusal) -> Identity {
    guard let namespace = namespace(for: code) else {
      throw .unknownNamespace(code, known: codes)
    }
    return Identity(namespace: namespace.code, id: id)
  }

  /// Adds a custom namespace and returns it with its assigned id.
  ///
  /// - Throws: ``IdentityError/duplicateNamespace(_:)`` when the code or name is taken, and
  ///   ``IdentityError/invalidNamespaceCode(_:)`` for an empty code or one with spaces.
  @discardableResult
  public mutating func create(
    code: String, name: String, type: IdentityType, description: String = ""
  )
    throws(IdentityError) -> IdentityNamespace
  {
    let trimmed = String(
      code.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy(Self.isCodeCharacter) else {
      throw .invalidNamespaceCode(code)
    }
    guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else {
      throw .invalidNamespaceName(name)
    }
    if namespace(for: trimmed) != nil
      || namespaces.contains(where: { $0.name.lowercased() == name.lowercased() })
    {
      throw .duplicateNamespace(trimmed)
    }
    let nextID = max(Self.firstCustomID, (namespaces.map(\.id).max() ?? 0) + 1)
    let created = IdentityNamespace(
      id: nextID, code: trimmed, name: name.isEmpty ? trimmed : name, type: type, isCustom: true,
      description: description)
    insert(created)
    return created
  }

  /// Changes the name and description of the custom namespace `code`; returns it updated.
  ///
  /// - Throws: ``IdentityError/unknownNamespace(_:known:)``,
  ///   ``IdentityError/standardNamespaceIsReadOnly(_:)``,
  ///   ``IdentityError/invalidNamespaceName(_:)`` or ``IdentityError/duplicateNamespace(_:)``
  ///   when another namespace has the name.
  @discardableResult
  public mutating func update(code: String, name: String, description: String)
    throws(IdentityError) -> IdentityNamespace
  {
    guard let index = byCode[code.lowercased()] else {
      throw .unknownNamespace(code, known: codes)
    }
    guard namespaces[index].isCustom else {
      throw .standardNamespaceIsReadOnly(namespaces[index].code)
    }
    guard !name.isEmpty,
      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { throw .invalidNamespaceName(name) }
    if namespaces.indices.contains(where: {
      $0 != index && namespaces[$0].name.lowercased() == name.lowercased()
    }) {
      throw .duplicateNamespace(name)
    }
    namespaces[index].name = name
    namespaces[index].description = description
    return namespaces[index]
  }

  /// Whether `scalar` may appear in a namespace code: letters, digits, `_`, `-` and `.`.
  static func isCodeCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || "_-.".unicodeScalars.contains(scalar)
  }
}
