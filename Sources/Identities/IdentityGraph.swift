/// The identity graph: identities joined by the records they appear in together.
///
/// A graph in the Platform's sense (a "cluster") is a connected component. Linking is
/// incremental: ``link(_:origin:)`` adds one record's identities and joins their components
/// with a ``DisjointSet``, without rebuilding anything. The documented rules apply as records
/// arrive:
///
/// * partner and non-people identities never link;
/// * a component over ``IdentityGuardrails/maxIdentitiesPerGraph`` loses its oldest identity
///   first-in-first-out by identity type then by when it was last updated (its newest link),
///   with that identity's links (which can split the component);
/// * with ``IdentityLinkingRules``, a component may hold one identity per unique namespace:
///   on a violation the identity optimization algorithm re-links the component newest link
///   first, links of equal time by namespace priority, dropping every link that would repeat
///   a unique namespace.
///
/// Every link keeps its ``LinkOrigin``; removed links stay, marked with why.
///
/// For example:
///
/// ```swift
/// var graph = IdentityGraph(registry: NamespaceRegistry())
/// graph.link([ecid, email], origin: origin)
/// graph.cluster(containing: email)  // [ecid, email]
/// ```
public struct IdentityGraph: Sendable {
  /// The namespaces used to know each identity's type.
  public private(set) var registry: NamespaceRegistry
  /// The linking rules, if any.
  public private(set) var rules: IdentityLinkingRules?
  /// The guardrails.
  public let guardrails: IdentityGuardrails

  var sets = DisjointSet()
  /// The interned identities (one byte arena) and the table from identity to vertex.
  var identities = IdentityIndex()
  var vertexRank: [UInt8] = []
  var vertexUniqueBit: [UInt64] = []
  var vertexFirstSeen: [Int64] = []
  var vertexStoredID: [Int64] = []
  var vertexStoredGraph: [Int64] = []
  var firstLink: [Int32] = []

  var linkA: [Int32] = []
  var linkB: [Int32] = []
  var linkNextA: [Int32] = []
  var linkNextB: [Int32] = []
  var linkOrigin: [Int32] = []
  var linkFirst: [Int64] = []
  var linkLast: [Int64] = []
  var linkState: [LinkState] = []
  var linkStoredID: [Int64] = []
  var linkStoredGraph: [Int64] = []
  var linkIsNew: [Bool] = []
  var linkIsDirty: [Bool] = []
  var pairIndex = LinkIndex()
  var origins = LinkOriginTable()
  /// Removal rank and unique-namespace bit of each namespace, by its number in `identities`.
  var namespaceRank: [UInt8] = []
  var namespaceUniqueBit: [UInt64] = []
  /// The vertices of the record being linked, kept between records to reuse its storage.
  var scratchVertices: [Int32] = []

  /// The stored id the next new identity gets (see ``GraphChanges``).
  public internal(set) var nextIdentityID: Int64
  /// The stored id the next new link gets.
  public internal(set) var nextLinkID: Int64

  /// Creates an empty graph.
  ///
  /// New identities get stored ids from `firstIdentityID` on, new links from `firstLinkID` on.
  public init(
    registry: NamespaceRegistry, rules: IdentityLinkingRules? = nil,
    guardrails: IdentityGuardrails = IdentityGuardrails(), firstIdentityID: Int64 = 1,
    firstLinkID: Int64 = 1
  ) {
    self.registry = registry
    self.rules = rules
    self.guardrails = guardrails
    nextIdentityID = firstIdentityID
    nextLinkID = firstLinkID
  }

  /// Reserves room for about `identities` identities and `links` links.
  public mutating func reserveCapacity(identities count: Int, links: Int) {
    sets.reserveCapacity(count)
    identities.reserveCapacity(count)
    vertexRank.reserveCapacity(count)
    vertexUniqueBit.reserveCapacity(count)
    vertexFirstSeen.reserveCapacity(count)
    vertexStoredID.reserveCapacity(count)
    vertexStoredGraph.reserveCapacity(count)
    firstLink.reserveCapacity(count)
    linkA.reserveCapacity(links)
    linkB.reserveCapacity(links)
    linkNextA.reserveCapacity(links)
    linkNextB.reserveCapacity(links)
    linkOrigin.reserveCapacity(links)
    linkFirst.reserveCapacity(links)
    linkLast.reserveCapacity(links)
    linkState.reserveCapacity(links)
    linkStoredID.reserveCapacity(links)
    linkStoredGraph.reserveCapacity(links)
    linkIsNew.reserveCapacity(links)
    linkIsDirty.reserveCapacity(links)
    pairIndex.reserveCapacity(links)
  }

  // MARK: - Reading

  /// The number of identities in the graph.
  public var identityCount: Int { identities.count }

  /// The number of links, active or removed.
  public var linkCount: Int { linkA.count }

  /// The vertex of `identity`, if the graph holds it.
  func vertex(of identity: Identity) -> Int32? {
    identities.vertex(of: identity)
  }

  /// Whether the graph holds `identity`.
  public func contains(_ identity: Identity) -> Bool { vertex(of: identity) != nil }

  /// Every identity in the same graph as `identity` (itself first), or `[]` when unknown.
  public func cluster(containing identity: Identity) -> [Identity] {
    guard let vertex = vertex(of: identity) else { return [] }
    return sets.members(of: vertex).map { identities[Int($0)] }
  }

  /// The number of graphs (connected components), single identities included.
  public mutating func clusterCount() -> Int {
    var roots = 0
    for vertex in 0..<Int32(identities.count) where sets.find(vertex) == vertex { roots += 1 }
    return roots
  }

  /// Every link touching the graph of `identity`, active or removed, oldest first.
  public func links(inClusterOf identity: Identity) -> [IdentityLink] {
    guard let vertex = vertex(of: identity) else { return [] }
    var seen = Set<Int32>()
    var result: [IdentityLink] = []
    for member in sets.members(of: vertex) {
      forEachLink(of: member) { link in
        if seen.insert(link).inserted { result.append(self.link(at: link)) }
      }
    }
    return result.sorted {
      ($0.firstEstablished, $0.from, $0.to) < ($1.firstEstablished, $1.from, $1.to)
    }
  }

  /// Every link of `identity` itself, active or removed.
  public func links(of identity: Identity) -> [IdentityLink] {
    guard let vertex = vertex(of: identity) else { return [] }
    var result: [IdentityLink] = []
    forEachLink(of: vertex) { result.append(self.link(at: $0)) }
    return result
  }

  /// The order at which `identity` was first seen.
  public func firstSeen(_ identity: Identity) -> Int64? {
    vertex(of: identity).map { vertexFirstSeen[Int($0)] }
  }

  func link(at index: Int32) -> IdentityLink {
    let i = Int(index)
    return IdentityLink(
      from: identities[Int(linkA[i])], to: identities[Int(linkB[i])],
      origin: origins[Int(linkOrigin[i])], firstEstablished: linkFirst[i],
      lastEstablished: linkLast[i], state: linkState[i])
  }

  func forEachLink(of vertex: Int32, _ body: (Int32) -> Void) {
    var link = firstLink[Int(vertex)]
    while link >= 0 {
      body(link)
      link = linkA[Int(link)] == vertex ? linkNextA[Int(link)] : linkNextB[Int(link)]
    }
  }

  // MARK: - Linking

  /// Adds the identities of one record and links them to each other.
  ///
  /// Identities of partner and non-people namespaces are added but not linked. Returns the
  /// vertex representing the record's graph afterwards (`nil` for a record without identities).
  ///
  /// - Precondition: every identity's namespace is a canonical code known to ``registry``.
  @discardableResult
  public mutating func link(_ recordIdentities: [Identity], origin: LinkOrigin) -> Int32? {
    // One buffer reused for every record instead of an array allocated per record.
    var vertices = scratchVertices
    scratchVertices = []
    let firstNew = Int32(identities.count)
    vertices.removeAll(keepingCapacity: true)
    for identity in recordIdentities {
      let vertex = addIdentity(identity, seenAt: origin.order)
      if !vertices.contains(vertex) { vertices.append(vertex) }
    }
    defer { scratchVertices = vertices }
    return link(vertices: vertices, origin: origin, newFrom: firstNew)
  }

  /// Adds `identity` if new and returns its vertex.
  @discardableResult
  public mutating func addIdentity(_ identity: Identity, seenAt order: Int64) -> Int32 {
    let probe = identities.probe(identity)
    if let vertex = probe.vertex { return vertex }
    let id = nextIdentityID
    nextIdentityID += 1
    return insertVertex(identity, firstSeen: order, storedID: id, storedGraph: 0, probe: probe)
  }

  @discardableResult
  mutating func insertVertex(
    _ identity: Identity, firstSeen: Int64, storedID: Int64, storedGraph: Int64,
    probe: IdentityIndex.Probe? = nil
  )
    -> Int32
  {
    let vertex = sets.makeSet()
    let probe = probe ?? identities.probe(identity)
    identities.insert(identity, probe: probe)
    let namespace = Int(probe.namespace)
    if namespace == namespaceRank.count { addFacts(of: identity.namespace) }
    vertexRank.append(namespaceRank[namespace])
    vertexUniqueBit.append(namespaceUniqueBit[namespace])
    vertexFirstSeen.append(firstSeen)
    vertexStoredID.append(storedID)
    vertexStoredGraph.append(storedGraph)
    firstLink.append(-1)
    return vertex
  }

  /// Records the removal rank (255: never links) and unique-namespace bit of a new namespace.
  mutating func addFacts(of namespace: String) {
    let type = registry.namespace(for: namespace)?.type ?? .crossDevice
    var bit: UInt64 = 0
    if let rules, let index = rules.uniqueNamespaces.firstIndex(of: namespace), index < 64 {
      bit = 1 << UInt64(index)
    }
    namespaceRank.append(type.linksIntoGraphs ? UInt8(type.removalRank) : 255)
    namespaceUniqueBit.append(bit)
  }

  /// Links already-added vertices of one record; returns the representative of the result.
  @discardableResult
  public mutating func link(vertices: [Int32], origin: LinkOrigin) -> Int32? {
    link(vertices: vertices, origin: origin, newFrom: .max)
  }

  /// ``link(vertices:origin:)``, knowing that vertices from `newFrom` on were just added, so
  /// no pair including one of them has a link to look up yet.
  mutating func link(vertices: [Int32], origin: LinkOrigin, newFrom: Int32) -> Int32? {
    let linkable =
      vertices.allSatisfy { vertexRank[Int($0)] != 255 }
      ? vertices : vertices.filter { vertexRank[Int($0)] != 255 }
    guard linkable.count >= 2 else { return vertices.first.map { sets.find($0) } }
    let originIndex = origins.append(origin)
    for i in 0..<(linkable.count - 1) {
      for j in (i + 1)..<linkable.count {
        establish(
          linkable[i], linkable[j], origin: originIndex, order: origin.order,
          isNewPair: max(linkable[i], linkable[j]) >= newFrom)
      }
    }
    if let rules, !rules.uniqueNamespaces.isEmpty {
      optimizeIfNeeded(around: linkable[0])
    }
    if let cap = guardrails.maxIdentitiesPerGraph {
      for vertex in linkable where sets.setSize(of: vertex) > cap {
        enforceLimit(around: vertex, cap: cap)
      }
    }
    return sets.find(linkable[0])
  }

  mutating func establish(
    _ a: Int32, _ b: Int32, origin: Int32, order: Int64, isNewPair: Bool = false
  ) {
    let key = Self.pairKey(a, b)
    if !isNewPair, let existing = pairIndex[key] {
      let i = Int(existing)
      linkLast[i] = max(linkLast[i], order)
      linkOrigin[i] = origin
      linkState[i] = .active
      linkIsDirty[i] = true
    } else {
      appendLink(
        a, b, key: key, origin: origin, first: order, last: order, state: .active,
        storedID: nextLinkID, storedGraph: 0, isNew: true)
      nextLinkID += 1
    }
    sets.union(a, b)
  }

  /// Appends one link to every per-link array at once (they always grow together) and indexes
  /// its pair.
  @inline(__always)
  mutating func appendLink(
    _ a: Int32, _ b: Int32, key: UInt64, origin: Int32, first: Int64, last: Int64,
    state: LinkState, storedID: Int64, storedGraph: Int64, isNew: Bool
  ) {
    let index = Int32(linkA.count)
    linkA.append(a)
    linkB.append(b)
    linkNextA.append(firstLink[Int(a)])
    linkNextB.append(firstLink[Int(b)])
    firstLink[Int(a)] = index
    firstLink[Int(b)] = index
    linkOrigin.append(origin)
    linkFirst.append(first)
    linkLast.append(last)
    linkState.append(state)
    linkStoredID.append(storedID)
    linkStoredGraph.append(storedGraph)
    linkIsNew.append(isNew)
    linkIsDirty.append(isNew)
    pairIndex.insert(key, index)
  }

  static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
    let low = UInt64(UInt32(bitPattern: min(a, b)))
    let high = UInt64(UInt32(bitPattern: max(a, b)))
    return high << 32 | low
  }

  // MARK: - Rules

  /// Active links among `members`, each once.
  func activeLinks(among members: [Int32]) -> [Int32] {
    var result: [Int32] = []
    for member in members {
      forEachLink(of: member) { link in
        // Each link is listed by both ends; keep it once, from its `a` end.
        if linkA[Int(link)] == member, linkState[Int(link)] == .active { result.append(link) }
      }
    }
    return result
  }

  mutating func optimizeIfNeeded(around vertex: Int32) {
    let members = sets.members(of: vertex)
    var seen: UInt64 = 0
    var violated = false
    for member in members {
      let bit = vertexUniqueBit[Int(member)]
      if bit != 0 {
        if seen & bit != 0 { violated = true }
        seen |= bit
      }
    }
    guard violated else { return }
    let rules = self.rules
    let registry = self.registry
    func rank(_ link: Int32) -> (Int, Int) {
      let a = registry.priorityRank(
        of: identities.namespace(of: Int(linkA[Int(link)])), rules: rules)
      let b = registry.priorityRank(
        of: identities.namespace(of: Int(linkB[Int(link)])), rules: rules)
      return (min(a, b), max(a, b))
    }
    let ordered = activeLinks(among: members).map { (link: $0, rank: rank($0)) }.sorted {
      let (l, r) = ($0.link, $1.link)
      if linkLast[Int(l)] != linkLast[Int(r)] { return linkLast[Int(l)] > linkLast[Int(r)] }
      if $0.rank != $1.rank { return $0.rank < $1.rank }
      return l > r
    }
    sets.reset(members)
    var masks: [Int32: UInt64] = [:]
    for member in members { masks[member] = vertexUniqueBit[Int(member)] }
    for (link, _) in ordered {
      let rootA = sets.find(linkA[Int(link)])
      let rootB = sets.find(linkB[Int(link)])
      if rootA == rootB { continue }
      let maskA = masks[rootA] ?? 0
      let maskB = masks[rootB] ?? 0
      if maskA & maskB != 0 {
        linkState[Int(link)] = .removedByLinkingRules
        linkIsDirty[Int(link)] = true
        continue
      }
      if let root = sets.union(rootA, rootB) { masks[root] = maskA | maskB }
    }
  }

  mutating func enforceLimit(around vertex: Int32, cap: Int) {
    var members = sets.members(of: vertex)
    while members.count > cap {
      // First in, first out: by identity type, then by the time the identity was last
      // updated (its newest active link), so an identity every record repeats is kept.
      let lastSeen = members.map { lastUpdated($0) }
      guard
        let victimIndex = members.indices.min(by: {
          (vertexRank[Int(members[$0])], lastSeen[$0], members[$0])
            < (vertexRank[Int(members[$1])], lastSeen[$1], members[$1])
        })
      else { return }
      let victim = members[victimIndex]
      forEachLink(of: victim) { link in
        if linkState[Int(link)] == .active {
          linkState[Int(link)] = .removedByGraphLimit
          linkIsDirty[Int(link)] = true
        }
      }
      relink(members)
      // Continue with the largest piece left.
      var largest: [Int32] = []
      var done = Set<Int32>()
      for member in members where !done.contains(sets.find(member)) {
        let piece = sets.members(of: member)
        done.insert(sets.find(member))
        if piece.count > largest.count { largest = piece }
      }
      members = largest
    }
  }

  /// When `vertex` was last updated: the newest active link it has, or when it was first seen.
  func lastUpdated(_ vertex: Int32) -> Int64 {
    var newest = vertexFirstSeen[Int(vertex)]
    forEachLink(of: vertex) { link in
      if linkState[Int(link)] == .active { newest = max(newest, linkLast[Int(link)]) }
    }
    return newest
  }

  /// Rebuilds the sets of `members` (whole components) from their active links.
  mutating func relink(_ members: [Int32]) {
    let links = activeLinks(among: members)
    sets.reset(members)
    for link in links { sets.union(linkA[Int(link)], linkB[Int(link)]) }
  }
}
