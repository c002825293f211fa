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
  /// Active links join their identities' sets; removed ones are kept for explanations. A
  /// second link between the same identities is kept aside (``keepStoredLink(heldEnd:row:)``).
  public mutating func restoreLink(
    from: Identity, to: Identity, storedID: Int64, origin: LinkOrigin, firstEstablished: Int64,
    lastEstablished: Int64, state: LinkState, graphID: Int64
  ) {
    guard let a = vertex(of: from), let b = vertex(of: to) else { return }
    guard existingLink(a, b) == nil else {
      // A second stored link between the same two identities (one was made while the other
      // was not held): it is kept as it is, so writing the graph back does not lose it.
      keepStoredLink(
        heldEnd: from,
        row: GraphChanges.LinkRow(
          storedID: storedID, from: vertexStoredID[Int(a)], to: vertexStoredID[Int(b)],
          origin: origin, firstEstablished: firstEstablished, lastEstablished: lastEstablished,
          state: state, graphID: graphID, isNew: false, isChanged: false))
      return
    }
    appendLink(
      a, b, origin: origins.append(origin), first: firstEstablished,
      last: lastEstablished, state: state, storedID: storedID, storedGraph: graphID, isNew: false)
    nextLinkID = max(nextLinkID, storedID + 1)
    if state == .active { sets.union(a, b) }
  }

  /// Keeps a stored link whose other end lies in a graph that is not held: it is not linked,
  /// but ``changes()`` lists it with the graph of `heldEnd`, so rewriting that graph's links
  /// does not lose it. (A link removed by the graph limit or the rules can join two graphs;
  /// restoring the other graph too would pull in a chain of graphs.)
  public mutating func keepStoredLink(heldEnd: Identity, row: GraphChanges.LinkRow) {
    guard let anchor = vertex(of: heldEnd) else { return }
    var kept = row
    kept.isNew = false
    keptLinks.append((anchor, kept))
    nextLinkID = max(nextLinkID, row.storedID + 1)
  }

  /// What changed since the graph was created or restored, in storage terms: identities that
  /// are new or moved to another graph, and every link of every graph held, grouped by graph
  /// (a store rewrites each graph's links whole; ``GraphChanges/LinkRow/isChanged`` marks the
  /// links that are new or changed).
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
    var changes = GraphChanges(index: identities)
    var storedGraphs = Set<Int64>()
    var affected = StoredIDSet()
    for vertex in 0..<count {
      let graph = smallest[Int(roots[vertex])]
      let stored = vertexStoredGraph[vertex]
      // Saved by this ingest (``saveNewIdentities(_:)``) rather than restored: its links
      // were never stored under its graph.
      let savedNow = stored == 0 || vertexStoredID[vertex] >= firstSavedNewID
      if !savedNow { storedGraphs.insert(stored) }
      if stored != graph {
        changes.identities.append(
          GraphChanges.IdentityRow(
            storedID: vertexStoredID[vertex], vertex: Int32(vertex),
            firstSeen: vertexFirstSeen[vertex], graphID: graph, isNew: stored == 0))
      }
      if stored != graph || savedNow || isRecordVertex(vertex) { affected.insert(graph) }
    }
    changes.affectedGraphIDs = affected.sorted
    // Links grouped by the graph of their first end (a kept link: its held end), graphs in id
    // order, links in order. `ordered` holds a link's index, or -1 - i for kept link i.
    var perRoot = [Int32](repeating: 0, count: count)
    for link in 0..<linkEnds.count { perRoot[Int(roots[Int(linkEnds[link].a)])] += 1 }
    for kept in keptLinks { perRoot[Int(roots[Int(kept.anchor)])] += 1 }
    var graphRoots: [Int32] = []
    for vertex in 0..<count where perRoot[vertex] > 0 { graphRoots.append(Int32(vertex)) }
    graphRoots.sort { smallest[Int($0)] < smallest[Int($1)] }
    var next = perRoot
    var offset: Int32 = 0
    for root in graphRoots {
      next[Int(root)] = offset
      offset += perRoot[Int(root)]
    }
    var ordered = [Int32](repeating: 0, count: linkEnds.count + keptLinks.count)
    for link in 0..<linkEnds.count {
      let root = Int(roots[Int(linkEnds[link].a)])
      ordered[Int(next[root])] = Int32(link)
      next[root] += 1
    }
    for index in keptLinks.indices {
      let root = Int(roots[Int(keptLinks[index].anchor)])
      ordered[Int(next[root])] = -1 - Int32(index)
      next[root] += 1
    }
    changes.links.reserveCapacity(ordered.count)
    for item in ordered.lazy.map(Int.init) {
      if item < 0 {
        var kept = keptLinks[-1 - item]
        let graph = smallest[Int(roots[Int(kept.anchor)])]
        storedGraphs.insert(kept.row.graphID)
        kept.row.storedGraphID = kept.row.graphID
        kept.row.isChanged = kept.row.graphID != graph
        kept.row.graphID = graph
        changes.links.append(kept.row)
        continue
      }
      let link = item
      let graph = smallest[Int(roots[Int(linkEnds[link].a)])]
      let stored = linkStoredGraph[link]
      if stored != 0 { storedGraphs.insert(stored) }
      changes.links.append(
        GraphChanges.LinkRow(
          storedID: linkStoredID[link], from: vertexStoredID[Int(linkEnds[link].a)],
          to: vertexStoredID[Int(linkEnds[link].b)], origin: origins[Int(linkOrigin[link])],
          firstEstablished: linkFirst[link], lastEstablished: linkLast[link],
          state: linkState[link], graphID: graph, isNew: linkIsNew[link],
          isChanged: linkIsNew[link] || linkIsDirty[link] || stored != graph,
          storedGraphID: stored))
    }
    changes.storedGraphIDs = storedGraphs.sorted()
    return changes
  }

  /// Hands each identity first seen since the last call to `body`, with the graph it is in now,
  /// and counts it as stored in that graph: ``changes()`` lists it again only if its graph
  /// changes later.
  ///
  /// An ingest saves each chunk's new identities as it goes, so few are left for the end.
  mutating func saveNewIdentities(_ body: (NewIdentityRow) throws -> Void) rethrows {
    var smallestOfRoot: [Int32: Int64] = [:]
    for vertex in savedVertexCount..<identities.count where vertexStoredGraph[vertex] == 0 {
      let root = sets.find(Int32(vertex))
      let graph: Int64
      if let known = smallestOfRoot[root] {
        graph = known
      } else {
        var smallest = Int64.max
        sets.forEachMember(of: root) { smallest = min(smallest, vertexStoredID[Int($0)]) }
        smallestOfRoot[root] = smallest
        graph = smallest
      }
      let storedID = vertexStoredID[vertex]
      try identities.withValue(of: vertex) { value in
        try body(
          NewIdentityRow(
            storedID: storedID, namespace: identities.namespace(of: vertex), value: value,
            firstSeen: vertexFirstSeen[vertex], graphID: graph))
      }
      vertexStoredGraph[vertex] = graph
      firstSavedNewID = min(firstSavedNewID, storedID)
    }
    savedVertexCount = identities.count
  }

  /// The identities ``saveNewIdentities(_:)`` would hand out now, copied, and counted as
  /// stored in the graphs they are in now.
  public mutating func takeNewIdentities() -> NewIdentities {
    var taken = NewIdentities()
    saveNewIdentities { taken.append($0) }
    return taken
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
    /// Its vertex in the graph (see ``GraphChanges/identity(of:)``).
    var vertex: Int32
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
    /// Whether it is new.
    public var isNew: Bool
    /// Whether it is new or changed (its state, its times or its graph).
    public var isChanged: Bool
    /// The graph whose stored row held it, 0 for a new link: a changed link changes that
    /// row too.
    public var storedGraphID: Int64

    /// Creates a link row.
    public init(
      storedID: Int64, from: Int64, to: Int64, origin: LinkOrigin, firstEstablished: Int64,
      lastEstablished: Int64, state: LinkState, graphID: Int64, isNew: Bool, isChanged: Bool,
      storedGraphID: Int64 = 0
    ) {
      self.storedID = storedID
      self.from = from
      self.to = to
      self.origin = origin
      self.firstEstablished = firstEstablished
      self.lastEstablished = lastEstablished
      self.state = state
      self.graphID = graphID
      self.isNew = isNew
      self.isChanged = isChanged
      self.storedGraphID = storedGraphID
    }
  }

  /// Identities to insert or update.
  public var identities: [IdentityRow] = []
  /// Every link of every graph held, grouped by graph in id order.
  public var links: [LinkRow] = []
  /// The stored graphs that were restored: their stored links are replaced by ``links``.
  public var storedGraphIDs: [Int64] = []
  /// The graphs an ingest touched, sorted: those of identities that are new or moved, and
  /// those of the identities records are stored against.
  public var affectedGraphIDs: [Int64] = []

  /// The graph's identities, for ``identity(of:)``.
  let index: IdentityIndex

  /// No changes.
  public init() { index = IdentityIndex() }

  init(index: IdentityIndex) { self.index = index }

  /// The identity of `row`.
  public func identity(of row: IdentityRow) -> Identity { index[Int(row.vertex)] }

  /// Calls `body` with the namespace code and the value bytes of `row`, without making the
  /// value's string.
  public func withIdentity<R>(
    of row: IdentityRow, _ body: (String, UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    try index.withValue(of: Int(row.vertex)) {
      try body(index.namespace(of: Int(row.vertex)), $0)
    }
  }
}
