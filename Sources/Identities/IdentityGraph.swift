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
  var vertexFirstSeen: [Int64] = []
  var vertexStoredID: [Int64] = []
  var vertexStoredGraph: [Int64] = []
  var firstLink: [Int32] = []

  /// Each link's two identities and, for each end, the next link on that end's list.
  var linkEnds: [LinkEnds] = []
  var linkOrigin: [Int32] = []
  var linkFirst: [Int64] = []
  var linkLast: [Int64] = []
  var linkState: [LinkState] = []
  var linkStoredID: [Int64] = []
  var linkStoredGraph: [Int64] = []
  var linkIsNew: [Bool] = []
  var linkIsDirty: [Bool] = []
  var origins = LinkOriginTable()
  /// Removal rank and unique-namespace bit of each namespace, by its number in `identities`.
  var namespaceRank: [UInt8] = []
  var namespaceUniqueBit: [UInt64] = []
  /// The vertices of the record being linked, kept between records to reuse its storage.
  var scratchVertices: [Int32] = []
  /// The window of records being linked, kept to reuse its storage.
  var scratchWindow = IdentityWindow()
  /// Sums the slots read ahead by ``link(records:identities:origin:)``, so the reads are not dropped.
  var warmth: UInt64 = 0

  /// Stored links with one end outside the graphs held (``keepStoredLink(heldEnd:row:)``).
  var keptLinks: [(anchor: Int32, row: GraphChanges.LinkRow)] = []
  /// Vertices below this one were handed to ``saveNewIdentities(_:)`` or restored.
  var savedVertexCount = 0
  /// The first stored id ``saveNewIdentities(_:)`` handed out (`.max`: none): identities from
  /// it on were saved by this graph's ingest, not restored.
  var firstSavedNewID = Int64.max
  /// The vertices some record is stored against (see ``link(records:identities:origin:primary:storedIDs:)``).
  var recordVertices: [UInt64] = []

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
    vertexFirstSeen.reserveCapacity(count)
    vertexStoredID.reserveCapacity(count)
    vertexStoredGraph.reserveCapacity(count)
    firstLink.reserveCapacity(count)
    linkEnds.reserveCapacity(links)
    linkOrigin.reserveCapacity(links)
    linkFirst.reserveCapacity(links)
    linkLast.reserveCapacity(links)
    linkState.reserveCapacity(links)
    linkStoredID.reserveCapacity(links)
    linkStoredGraph.reserveCapacity(links)
    linkIsNew.reserveCapacity(links)
    linkIsDirty.reserveCapacity(links)
  }

  // MARK: - Reading

  /// The number of identities in the graph.
  public var identityCount: Int { identities.count }

  /// The number of links, active or removed.
  public var linkCount: Int { linkEnds.count }

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
      from: identities[Int(linkEnds[i].a)], to: identities[Int(linkEnds[i].b)],
      origin: origins[Int(linkOrigin[i])], firstEstablished: linkFirst[i],
      lastEstablished: linkLast[i], state: linkState[i])
  }

  func forEachLink(of vertex: Int32, _ body: (Int32) -> Void) {
    var link = firstLink[Int(vertex)]
    while link >= 0 {
      body(link)
      link = linkEnds[Int(link)].next(after: vertex)
    }
  }

  /// The link between `a` and `b`, if any, found by walking both ends' lists side by side (so
  /// the cost is that of the shorter list).
  func existingLink(_ a: Int32, _ b: Int32) -> Int32? {
    var fromA = firstLink[Int(a)]
    var fromB = firstLink[Int(b)]
    while fromA >= 0 && fromB >= 0 {
      let endsA = linkEnds[Int(fromA)]
      if endsA.a == b || endsA.b == b { return fromA }
      let endsB = linkEnds[Int(fromB)]
      if endsB.a == a || endsB.b == a { return fromB }
      fromA = endsA.next(after: a)
      fromB = endsB.next(after: b)
    }
    return nil
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

  /// Links the identities of many records, in order.
  ///
  /// The same as ``link(_:origin:)`` for each record, only faster: it hashes the identities of
  /// a window of records ahead and reads their table slots together (see
  /// ``IdentityIndex/warm(_:)``), so the look-ups that follow do not each wait for memory.
  public mutating func link(
    records count: Int, identities: (Int) -> [Identity], origin: (Int) -> LinkOrigin
  ) {
    var unused: [Int64] = []
    link(
      records: count, identities: identities, origin: origin, primary: { _ in -1 },
      keepsPrimary: false, storedIDs: &unused)
  }

  /// ``link(records:identities:origin:)``, appending to `storedIDs` the stored id of each
  /// record's identity at position `primary(record)` of its list (the one it is stored against).
  public mutating func link(
    records count: Int, identities: (Int) -> [Identity], origin: (Int) -> LinkOrigin,
    primary: (Int) -> Int, storedIDs: inout [Int64]
  ) {
    link(
      records: count, identities: identities, origin: origin, primary: primary,
      keepsPrimary: true, storedIDs: &storedIDs)
  }

  private mutating func link(
    records count: Int, identities: (Int) -> [Identity], origin: (Int) -> LinkOrigin,
    primary: (Int) -> Int, keepsPrimary: Bool, storedIDs: inout [Int64]
  ) {
    var window = scratchWindow
    scratchWindow = IdentityWindow()
    var vertices = scratchVertices
    scratchVertices = []
    defer {
      scratchWindow = window
      scratchVertices = vertices
    }
    var start = 0
    while start < count {
      let end = min(start + Self.window, count)
      window.removeAll()
      for record in start..<end {
        identities(record).withUnsafeBufferPointer {
          window.append(record: $0, index: self.identities)
        }
      }
      warmth &+= window.probes.withUnsafeBufferPointer { self.identities.warm($0) }
      var item = 0
      for (offset, record) in (start..<end).enumerated() {
        let origin = origin(record)
        let firstNew = Int32(self.identities.count)
        let wanted = keepsPrimary ? Int32(truncatingIfNeeded: primary(record)) : -1
        var primaryVertex: Int32 = -1
        vertices.removeAll(keepingCapacity: true)
        while item < window.recordEnds[offset] {
          let vertex = addIdentity(
            window: window, item: item, seenAt: origin.order,
            identity: { identities(record)[Int(window.positions[item])] })
          if window.positions[item] == wanted { primaryVertex = vertex }
          if !vertices.contains(vertex) { vertices.append(vertex) }
          item += 1
        }
        if keepsPrimary {
          storedIDs.append(primaryVertex < 0 ? 0 : vertexStoredID[Int(primaryVertex)])
          if primaryVertex >= 0 { markRecordVertex(primaryVertex) }
        }
        link(vertices: vertices, origin: origin, newFrom: firstNew)
      }
      start = end
    }
  }

  /// Adds identity `item` of `window` if new and returns its vertex; `identity` gives the
  /// identity itself when its namespace is new to the graph.
  @inline(__always)
  mutating func addIdentity(
    window: IdentityWindow, item: Int, seenAt order: Int64, identity: () -> Identity
  ) -> Int32 {
    let hashed = window.probes[item]
    guard hashed.namespace != .max else { return addIdentity(identity(), seenAt: order) }
    return window.withValue(of: item) { value in
      let probe = identities.probe(value: value, hashed: hashed)
      if let vertex = probe.vertex { return vertex }
      let vertex = sets.makeSet()
      identities.insert(value: value, probe: probe)
      appendVertexFacts(
        namespace: Int(probe.namespace), firstSeen: order, storedID: nextIdentityID,
        storedGraph: 0)
      nextIdentityID += 1
      return vertex
    }
  }

  /// Notes that a record is stored against `identity`; returns whether the graph holds it.
  ///
  /// A held identity's graph is then among ``GraphChanges/affectedGraphIDs``.
  public mutating func markRecord(_ identity: Identity) -> Bool {
    guard let vertex = vertex(of: identity) else { return false }
    markRecordVertex(vertex)
    return true
  }

  /// Notes that a record is stored against `vertex`.
  mutating func markRecordVertex(_ vertex: Int32) {
    let word = Int(vertex >> 6)
    if word >= recordVertices.count {
      recordVertices.append(
        contentsOf: repeatElement(
          0, count: max(word + 1, recordVertices.count * 2) - recordVertices.count))
    }
    recordVertices[word] |= 1 << UInt64(vertex & 63)
  }

  /// Whether a record is stored against `vertex`.
  func isRecordVertex(_ vertex: Int) -> Bool {
    let word = vertex >> 6
    return word < recordVertices.count && recordVertices[word] & (1 << UInt64(vertex & 63)) != 0
  }

  /// How many records ``link(records:identities:origin:)`` hashes ahead.
  static let window = 128

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
    appendVertexFacts(
      namespace: namespace, firstSeen: firstSeen, storedID: storedID, storedGraph: storedGraph)
    return vertex
  }

  /// Appends a new vertex's facts to every per-vertex array (they always grow together).
  @inline(__always)
  mutating func appendVertexFacts(
    namespace: Int, firstSeen: Int64, storedID: Int64, storedGraph: Int64
  ) {
    vertexFirstSeen.append(firstSeen)
    vertexStoredID.append(storedID)
    vertexStoredGraph.append(storedGraph)
    firstLink.append(-1)
  }

  /// The removal rank of `vertex`'s namespace (255: it never links).
  @inline(__always)
  func rank(of vertex: Int32) -> UInt8 {
    namespaceRank[identities.namespaceNumber(of: Int(vertex))]
  }

  /// The unique-namespace bit of `vertex`'s namespace (0 when not unique).
  @inline(__always)
  func uniqueBit(of vertex: Int32) -> UInt64 {
    namespaceUniqueBit[identities.namespaceNumber(of: Int(vertex))]
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
  @discardableResult
  mutating func link(vertices: [Int32], origin: LinkOrigin, newFrom: Int32) -> Int32? {
    let linkable =
      vertices.allSatisfy { rank(of: $0) != 255 }
      ? vertices : vertices.filter { rank(of: $0) != 255 }
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
    if !isNewPair, let existing = existingLink(a, b) {
      let i = Int(existing)
      linkLast[i] = max(linkLast[i], order)
      linkOrigin[i] = origin
      linkState[i] = .active
      linkIsDirty[i] = true
    } else {
      appendLink(
        a, b, origin: origin, first: order, last: order, state: .active,
        storedID: nextLinkID, storedGraph: 0, isNew: true)
      nextLinkID += 1
    }
    sets.union(a, b)
  }

  /// Appends one link to every per-link array at once (they always grow together) and puts it
  /// first on both ends' lists.
  @inline(__always)
  mutating func appendLink(
    _ a: Int32, _ b: Int32, origin: Int32, first: Int64, last: Int64,
    state: LinkState, storedID: Int64, storedGraph: Int64, isNew: Bool
  ) {
    let index = Int32(linkEnds.count)
    linkEnds.append(LinkEnds(a: a, b: b, nextA: firstLink[Int(a)], nextB: firstLink[Int(b)]))
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
  }

  // MARK: - Rules

  /// Active links among `members`, each once.
  func activeLinks(among members: [Int32]) -> [Int32] {
    var result: [Int32] = []
    for member in members {
      forEachLink(of: member) { link in
        // Each link is listed by both ends; keep it once, from its `a` end.
        if linkEnds[Int(link)].a == member, linkState[Int(link)] == .active {
          result.append(link)
        }
      }
    }
    return result
  }

  mutating func optimizeIfNeeded(around vertex: Int32) {
    let members = sets.members(of: vertex)
    var seen: UInt64 = 0
    var violated = false
    for member in members {
      let bit = uniqueBit(of: member)
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
        of: identities.namespace(of: Int(linkEnds[Int(link)].a)), rules: rules)
      let b = registry.priorityRank(
        of: identities.namespace(of: Int(linkEnds[Int(link)].b)), rules: rules)
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
    for member in members { masks[member] = uniqueBit(of: member) }
    for (link, _) in ordered {
      let rootA = sets.find(linkEnds[Int(link)].a)
      let rootB = sets.find(linkEnds[Int(link)].b)
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
          (rank(of: members[$0]), lastSeen[$0], members[$0])
            < (rank(of: members[$1]), lastSeen[$1], members[$1])
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
    for link in links { sets.union(linkEnds[Int(link)].a, linkEnds[Int(link)].b) }
  }
}
