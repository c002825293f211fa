/// A merge policy: how the fragments of a person are put together into one profile.
///
/// For example, the built-in default stitches the private graph and lets the most recently
/// ingested fragment win each attribute:
///
/// ```swift
/// MergePolicy.builtInDefault.attributeMerge  // .timestampOrdered
/// ```
public struct MergePolicy: Sendable, Hashable, Codable {
  /// The policy's id.
  public var id: String
  /// Its name.
  public var name: String
  /// How conflicting attribute values are resolved.
  public var attributeMerge: AttributeMerge
  /// Which identities' fragments are merged.
  public var identityGraph: IdentityStitching
  /// Whether it is the default for profiles.
  public var isDefault: Bool
  /// Whether it is used for edge and streaming segmentation.
  public var isActiveOnEdge: Bool
  /// The version, increased on each change.
  public var version: Int
  /// When it last changed, in seconds since 1970.
  public var updateEpoch: Int64

  /// Creates a policy.
  public init(
    id: String, name: String, attributeMerge: AttributeMerge, identityGraph: IdentityStitching,
    isDefault: Bool = false, isActiveOnEdge: Bool = false, version: Int = 1, updateEpoch: Int64 = 0
  ) {
    self.id = id
    self.name = name
    self.attributeMerge = attributeMerge
    self.identityGraph = identityGraph
    self.isDefault = isDefault
    self.isActiveOnEdge = isActiveOnEdge
    self.version = version
    self.updateEpoch = updateEpoch
  }

  /// The id of the policy every sandbox starts with.
  public static let builtInDefaultID = "a6d2b5c8-7e41-4c3f-9d0a-5b1e8f2c4d10"

  /// The policy every sandbox starts with: timestampOrdered over the private graph.
  public static let builtInDefault = MergePolicy(
    id: builtInDefaultID, name: "Default Timebased", attributeMerge: .timestampOrdered,
    identityGraph: .pdg, isDefault: true, isActiveOnEdge: false, version: 1,
    updateEpoch: 1_700_000_000)
}

/// How conflicting attribute values are resolved.
public enum AttributeMerge: Sendable, Hashable, Codable {
  /// The most recently ingested fragment wins.
  case timestampOrdered
  /// The fragment from the earliest dataset in the list wins; unlisted datasets are left out.
  case dataSetPrecedence([String])

  /// The Platform's name: `timestampOrdered` or `dataSetPrecedence`.
  public var typeName: String {
    switch self {
    case .timestampOrdered: "timestampOrdered"
    case .dataSetPrecedence: "dataSetPrecedence"
    }
  }

  /// The dataset order, for dataSetPrecedence.
  public var order: [String]? {
    if case .dataSetPrecedence(let order) = self { return order }
    return nil
  }
}

/// Which identities' fragments a profile unites.
public enum IdentityStitching: String, Sendable, Hashable, Codable, CaseIterable {
  /// Only the requested identity's own fragments.
  case none
  /// Every fragment in the private identity graph.
  case pdg
}
