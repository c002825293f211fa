/// One identity namespace as `GET /data/core/idnamespace/identities` lists it.
///
/// For example: `{"id": 4, "code": "ECID", "name": "ECID", "idType": "COOKIE", "status":
/// "ACTIVE", "custom": false, ...}`.
public struct NamespaceDocument: Sendable, Codable, Equatable {
  /// The numeric namespace id (ECID is 4).
  public var id: Int
  /// The code used in lookups (`ECID`, `Email`, `Phone`).
  public var code: String
  /// The display name.
  public var name: String
  /// A description.
  public var description: String?
  /// COOKIE, CROSS_DEVICE, DEVICE, EMAIL, PHONE, MOBILE or NON_PEOPLE.
  public var idType: String
  /// `ACTIVE` or `DISABLED`.
  public var status: String
  /// Whether the org created it.
  public var custom: Bool
  /// Creation time, milliseconds since 1970.
  public var createTime: Int?
  /// Last update time, milliseconds since 1970.
  public var updateTime: Int?

  /// Creates a namespace.
  public init(
    id: Int, code: String, name: String, description: String? = nil, idType: String,
    status: String = "ACTIVE", custom: Bool = false, createTime: Int? = nil,
    updateTime: Int? = nil
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.description = description
    self.idType = idType
    self.status = status
    self.custom = custom
    self.createTime = createTime
    self.updateTime = updateTime
  }
}
