/// A merge policy as `/config/mergePolicies` sends and returns it.
public struct MergePolicyDocument: Codable, Sendable, Hashable {
  /// The policy's id.
  public var id: String
  /// Its name.
  public var name: String
  /// The organization, such as `ABC123@AdobeOrg`.
  public var imsOrgId: String?
  /// The sandbox it belongs to.
  public var sandbox: SandboxReference?
  /// The schema class, `_xdm.context.profile`.
  public var schema: SchemaName
  /// The version, increased on each change.
  public var version: Int
  /// Which identities' fragments are merged: `none` or `pdg`.
  public var identityGraph: TypeName
  /// How conflicts are resolved.
  public var attributeMerge: AttributeMergeDocument
  /// Whether it is used on edge.
  public var isActiveOnEdge: Bool
  /// Whether it is the default.
  public var isDefault: Bool
  /// When it last changed, in seconds since 1970.
  public var updateEpoch: Int64

  /// Creates a document.
  public init(
    id: String, name: String, imsOrgId: String? = nil, sandbox: SandboxReference? = nil,
    schema: SchemaName = SchemaName(name: "_xdm.context.profile"), version: Int,
    identityGraph: TypeName, attributeMerge: AttributeMergeDocument, isActiveOnEdge: Bool,
    isDefault: Bool, updateEpoch: Int64
  ) {
    self.id = id
    self.name = name
    self.imsOrgId = imsOrgId
    self.sandbox = sandbox
    self.schema = schema
    self.version = version
    self.identityGraph = identityGraph
    self.attributeMerge = attributeMerge
    self.isActiveOnEdge = isActiveOnEdge
    self.isDefault = isDefault
    self.updateEpoch = updateEpoch
  }

  enum CodingKeys: String, CodingKey {
    case id, name, imsOrgId, sandbox, schema, version, identityGraph, attributeMerge
    case isActiveOnEdge
    case isDefault = "default"
    case updateEpoch
  }
}

/// The `attributeMerge` object of a merge policy.
public struct AttributeMergeDocument: Codable, Sendable, Hashable {
  /// `timestampOrdered` or `dataSetPrecedence`.
  public var type: String
  /// The dataset ids in precedence order (dataSetPrecedence only).
  public var order: [String]?

  /// Creates the object.
  public init(type: String, order: [String]? = nil) {
    self.type = type
    self.order = order
  }
}

/// An object holding only a `type`, such as `identityGraph`.
public struct TypeName: Codable, Sendable, Hashable {
  /// The type.
  public var type: String

  /// Creates the object.
  public init(type: String) { self.type = type }
}

/// An object holding only a `name`, such as `schema`.
public struct SchemaName: Codable, Sendable, Hashable {
  /// The name, such as `_xdm.context.profile`.
  public var name: String

  /// Creates the object.
  public init(name: String) { self.name = name }
}

/// The sandbox a merge policy belongs to.
public struct SandboxReference: Codable, Sendable, Hashable {
  /// The sandbox id.
  public var sandboxId: String
  /// The sandbox name, such as `prod`.
  public var sandboxName: String
  /// `production` or `development`.
  public var type: String
  /// Whether it is the default sandbox.
  public var isDefault: Bool

  /// Creates a reference.
  public init(sandboxId: String, sandboxName: String, type: String, isDefault: Bool) {
    self.sandboxId = sandboxId
    self.sandboxName = sandboxName
    self.type = type
    self.isDefault = isDefault
  }

  enum CodingKeys: String, CodingKey {
    case sandboxId, sandboxName, type
    case isDefault = "default"
  }
}

/// The body of `GET /config/mergePolicies`: one page of policies.
public struct MergePoliciesResponse: Codable, Sendable, Hashable {
  /// The page's size and the offset of the next one.
  public var page: MergePoliciesPage
  /// The policies.
  public var children: [MergePolicyDocument]
  /// The link to the next page.
  public var links: PageLinks

  /// Creates a page.
  public init(page: MergePoliciesPage, children: [MergePolicyDocument], links: PageLinks) {
    self.page = page
    self.children = children
    self.links = links
  }

  enum CodingKeys: String, CodingKey {
    case page = "_page"
    case children
    case links = "_links"
  }
}

/// The `_page` object of a merge policy list.
public struct MergePoliciesPage: Codable, Sendable, Hashable {
  /// The number of policies on the page.
  public var count: Int
  /// The offset of the next page, or `nil` on the last one.
  public var next: String?

  /// Creates a page description.
  public init(count: Int, next: String?) {
    self.count = count
    self.next = next
  }
}
