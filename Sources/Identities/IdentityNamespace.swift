/// A namespace: the context an identity value belongs to, such as `Email` or `ECID`.
///
/// Codes compare case-insensitively (`email` is `Email`); ``aliases`` are other codes that
/// name the same namespace (`crmId` for `CRMID`).
public struct IdentityNamespace: Sendable, Hashable, Codable {
  /// The numeric namespace id (`nsid`): 4 for ECID, 6 for Email.
  public var id: Int
  /// The code used in identityMaps and API calls, in its canonical spelling.
  public var code: String
  /// The display name, such as "Demo System - CRMID".
  public var name: String
  /// The kind of identifier.
  public var type: IdentityType
  /// Whether the namespace was created in this sandbox rather than built in.
  public var isCustom: Bool
  /// Other codes accepted for this namespace.
  public var aliases: [String]
  /// A one-line description.
  public var description: String

  /// Creates a namespace.
  public init(
    id: Int, code: String, name: String, type: IdentityType, isCustom: Bool,
    aliases: [String] = [], description: String = ""
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.type = type
    self.isCustom = isCustom
    self.aliases = aliases
    self.description = description
  }

  /// Whether `code` names this namespace (its code or an alias, ignoring case).
  public func answers(to code: String) -> Bool {
    let lowered = code.lowercased()
    return self.code.lowercased() == lowered || aliases.contains { $0.lowercased() == lowered }
  }
}
