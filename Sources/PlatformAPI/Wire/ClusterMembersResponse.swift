/// The body of `GET /identity/cluster/members`: the identities linked to each requested one.
public struct ClusterMembersResponse: Codable, Sendable, Hashable {
  /// The response version, `1.1.0`.
  public var version: String
  /// One cluster per requested identity.
  public var clusters: [ClusterMembers]
  /// Requested identities that could not be processed.
  public var unprocessedRecords: [CompositeXid]

  /// Creates a response.
  public init(
    version: String = "1.1.0", clusters: [ClusterMembers], unprocessedRecords: [CompositeXid] = []
  ) {
    self.version = version
    self.clusters = clusters
    self.unprocessedRecords = unprocessedRecords
  }
}

/// The members of the cluster of one requested identity.
public struct ClusterMembers: Codable, Sendable, Hashable {
  /// The requested identity as an XID, when it was asked for by XID.
  public var xid: String?
  /// The requested identity as a namespace and value.
  public var compositeXid: CompositeXid?
  /// Every identity in the cluster.
  public var members: [CompositeXid]

  /// Creates a cluster entry.
  public init(xid: String? = nil, compositeXid: CompositeXid?, members: [CompositeXid]) {
    self.xid = xid
    self.compositeXid = compositeXid
    self.members = members
  }
}

/// An identity named by namespace (code or numeric id) and value.
public struct CompositeXid: Codable, Sendable, Hashable {
  /// The numeric namespace id, when asked for by `nsid`.
  public var nsid: Int?
  /// The namespace code, when asked for by `namespace`.
  public var namespace: String?
  /// The identity value.
  public var id: String

  /// Creates a composite id.
  public init(nsid: Int? = nil, namespace: String? = nil, id: String) {
    self.nsid = nsid
    self.namespace = namespace
    self.id = id
  }
}
