extension IdentityGraph {
  /// Puts back an identity read from storage, keeping its stored id and graph.
  public mutating func restoreIdentity(
    _ identity: Identity, storedID: Int64, firstSeen: Int64, graphID: Int64
  ) {
    guard vertex(of: identity) == nil else { return }
    insertVertex(identity, firstSeen: firstSeen, storedID: storedID, storedGraph: graphID)
    nextIdentityID = max(nextIdentityID, storedID + 1)
  }

  /// Puts back a link read from storage; both identities must have been restored first.
  ///
  /// Active links join their identities' sets; removed ones are kept for explanations.
  public mutating func restoreLink(
    from: Identity, to: Identity, storedID: Int64, origin: LinkOrigin, firstEstablished: Int64,
    lastEstablished: Int64, state: LinkState, graphID: Int64
  ) {
    guard let a = vertex(of: from), let b = vertex(of: to) else { return }
    guard existingLink(a, b) == nil else { return }
    appendLink(
      a, b, origin: origins.append(origin), first: firstEstablished,
      last: lastEstablished, state: state, storedID: storedID, storedGraph: graphID, isNew: false)
    nextLinkID = max(nextLinkID, storedID + 1)
    if state == .active { sets.union(a, b) }
  }

  /// What changed since the graph was created or restored, in storage terms: identities that
  /// are new or moved to another graph, and links that are new or changed.
  ///
  /// A graph's id is the smallest stored id among its identities, so it is stable while the
  /// graph only grows.
  public mutating func changes() -> GraphChanges {
    let count = identities.count
    var smallest = [Int64](repeating: .max, count: count)
    var roots = [Int32](repeating: 0, count: count)
    for vertex in 0..<count {
      let root = sets.find(Int32(vertex))
      roots[vertex] = root
      smallest[Int(root)] = min(smallest[Int(root)], vertexStoredID[vertex])
    }
    var changes = GraphChanges()
    for vertex in 0..<count {
      let graph = smallest[Int(roots[vertex])]
      let stored = vertexStoredGraph[vertex]
      if stored != graph {
        changes.identities.append(
          GraphChanges.IdentityRow(
            storedID: vertexStoredID[vertex], identity: identities[vertex],
            firstSeen: vertexFirstSeen[vertex], graphID: graph, isNew: stored == 0))
      }
    }
    for link in 0..<linkEnds.count {
      let graph = smallest[Int(roots[Int(linkEnds[link].a)])]
      guard linkIsNew[link] || linkIsDirty[link] || linkStoredGraph[link] != graph else { continue }
      changes.links.append(
        GraphChanges.LinkRow(
          storedID: linkStoredID[link], from: vertexStoredID[Int(linkEnds[link].a)],
          to: vertexStoredID[Int(linkEnds[link].b)], origin: origins[Int(linkOrigin[link])],
          firstEstablished: linkFirst[link], lastEstablished: linkLast[link],
          state: linkState[link], graphID: graph, isNew: linkIsNew[link]))
    }
    return changes
  }

  /// Marks everything as saved, after the caller stored ``changes()``.
  public mutating func markSaved() {
    let changed = changes()
    var graphOf: [Int64: Int64] = [:]
    for row in changed.identities { graphOf[row.storedID] = row.graphID }
    for vertex in 0..<identities.count {
      if let graph = graphOf[vertexStoredID[vertex]] { vertexStoredGraph[vertex] = graph }
    }
    for link in 0..<linkEnds.count {
      linkIsNew[link] = false
      linkIsDirty[link] = false
      linkStoredGraph[link] = vertexStoredGraph[Int(linkEnds[link].a)]
    }
  }

  /// The stored id of `identity`, if the graph holds it.
  public func storedID(of identity: Identity) -> Int64? {
    vertex(of: identity).map { vertexStoredID[Int($0)] }
  }
}

/// The rows a store must write to save an ``IdentityGraph``'s changes.
public struct GraphChanges: Sendable {
  /// An identity that is new or whose graph changed.
  public struct IdentityRow: Sendable, Hashable {
    /// Its stored id.
    public var storedID: Int64
    /// The identity.
    public var identity: Identity
    /// When it was first seen.
    public var firstSeen: Int64
    /// Its graph's id.
    public var graphID: Int64
    /// Whether it must be inserted (rather than updated).
    public var isNew: Bool
  }

  /// A link that is new or changed.
  public struct LinkRow: Sendable, Hashable {
    /// Its stored id.
    public var storedID: Int64
    /// One end's stored id.
    public var from: Int64
    /// The other end's stored id.
    public var to: Int64
    /// The record that established it most recently.
    public var origin: LinkOrigin
    /// When it first appeared.
    public var firstEstablished: Int64
    /// When it last appeared.
    public var lastEstablished: Int64
    /// Whether it is active.
    public var state: LinkState
    /// The graph of its first end.
    public var graphID: Int64
    /// Whether it must be inserted (rather than updated).
    public var isNew: Bool
  }

  /// Identities to insert or update.
  public var identities: [IdentityRow] = []
  /// Links to insert or update.
  public var links: [LinkRow] = []

  /// No changes.
  public init() {}

  /// The ids of every graph these changes touch.
  public var graphIDs: Set<Int64> { Set(identities.map(\.graphID)) }
}
