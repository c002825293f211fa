import Testing

@testable import Identities

/// `link(records:identities:origin:)` reads a window of records ahead; it must build exactly
/// the graph that linking the same records one by one builds.
@Suite struct BatchLinkingTests {
  let registry = NamespaceRegistry()

  /// A deterministic generator, so a failure can be replayed.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Records over a small pool of values, so identities repeat within and across records and
  /// windows; namespaces include a partner one (never links) and ones first seen mid-window.
  func records(count: Int, seed: UInt64) -> [[Identity]] {
    var random = SplitMix(state: seed)
    let namespaces = ["Email", "CRMID", "Phone", "loyaltyId", "AdCloud", "CORE"]
    return (0..<count).map { line in
      let size = Int.random(in: 0...5, using: &random)
      return (0..<size).map { _ in
        // The later namespaces only appear after a while, in the middle of a window.
        let available = line < 70 ? 2 : line < 150 ? 4 : namespaces.count
        let namespace = namespaces[Int.random(in: 0..<available, using: &random)]
        return Identity(namespace: namespace, id: "v\(Int.random(in: 0..<60, using: &random))")
      }
    }
  }

  func origin(_ line: Int) -> LinkOrigin {
    LinkOrigin(
      dataset: line % 3 == 0 ? "crm" : "web", batch: "batch-1", record: line + 1,
      order: LinkOrigin.order(batch: 1, line: line + 1))
  }

  func oneByOne(_ records: [[Identity]], _ graph: IdentityGraph) -> IdentityGraph {
    var graph = graph
    for (line, identities) in records.enumerated() { graph.link(identities, origin: origin(line)) }
    return graph
  }

  func batched(_ records: [[Identity]], _ graph: IdentityGraph) -> IdentityGraph {
    var graph = graph
    graph.link(records: records.count, identities: { records[$0] }, origin: origin)
    return graph
  }

  func expectSameGraph(_ a: IdentityGraph, _ b: IdentityGraph, _ records: [[Identity]]) {
    var a = a
    var b = b
    #expect(a.identityCount == b.identityCount)
    #expect(a.linkCount == b.linkCount)
    #expect(a.clusterCount() == b.clusterCount())
    for identity in Set(records.joined()) {
      #expect(a.storedID(of: identity) == b.storedID(of: identity), "\(identity)")
      #expect(Set(a.cluster(containing: identity)) == Set(b.cluster(containing: identity)))
      #expect(a.links(of: identity) == b.links(of: identity), "\(identity)")
    }
    let changesA = a.changes()
    let changesB = b.changes()
    #expect(changesA.identities == changesB.identities)
    #expect(changesA.links == changesB.links)
  }

  @Test(arguments: [1, 2, 3])
  func batchedLinkingBuildsTheSameGraphAsOneRecordAtATime(seed: UInt64) {
    let records = records(count: 300, seed: seed)
    let empty = IdentityGraph(registry: registry)
    expectSameGraph(oneByOne(records, empty), batched(records, empty), records)
  }

  @Test func theSameUnderTheGraphLimitAndUniqueNamespaces() throws {
    let rules = try IdentityLinkingRules(
      unique: ["CRMID"], priority: ["CRMID", "Email", "Phone"], registry: registry)
    let records = records(count: 400, seed: 9)
    let graph = IdentityGraph(
      registry: registry, rules: rules,
      guardrails: IdentityGuardrails(maxIdentitiesPerGraph: 12))
    let a = oneByOne(records, graph)
    let b = batched(records, graph)
    expectSameGraph(a, b, records)
    // The rules and the limit did act on these records, so the comparison covers them.
    var removed = 0
    for identity in Set(records.joined()) {
      removed += b.links(of: identity).count { $0.state != .active }
    }
    #expect(removed > 0)
  }

  @Test func aValueWhoseHashHasZeroHighBitsMeetsAnEmptySlot() {
    // Email (namespace number 0 here) "00000000b5966be2" hashes to 0x4c52d0ce: its slot tag is
    // that of an empty slot, which the read-ahead must not take for a match.
    var graph = IdentityGraph(registry: registry)
    let origin = LinkOrigin(dataset: "d", batch: "b", record: 1, order: 1)
    graph.link([Identity(namespace: "Email", id: "a@example.com")], origin: origin)
    var value = "00000000b5966be2"
    #expect(value.withUTF8 { IdentityIndex.hash(0, $0) } >> 32 == 0)
    graph.link(
      records: 1, identities: { _ in [Identity(namespace: "Email", id: value)] },
      origin: { _ in origin })
    #expect(graph.identityCount == 2)
    #expect(graph.contains(Identity(namespace: "Email", id: value)))
  }

  @Test func aBatchContinuesAGraphThatAlreadyHasIdentities() {
    let first = records(count: 120, seed: 4)
    let second = records(count: 200, seed: 5)
    let start = batched(first, IdentityGraph(registry: registry))
    expectSameGraph(oneByOne(second, start), batched(second, start), first + second)
  }
}
