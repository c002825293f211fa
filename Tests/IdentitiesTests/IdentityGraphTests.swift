import Testing

@testable import Identities

@Suite struct IdentityGraphTests {
  let registry = NamespaceRegistry()

  func ecid(_ n: Int) -> Identity {
    let digits = String(n)
    return Identity(
      namespace: "ECID", id: String(repeating: "0", count: 38 - digits.count) + digits)
  }

  func email(_ text: String) -> Identity { Identity(namespace: "Email", id: text) }
  func crm(_ text: String) -> Identity { Identity(namespace: "CRMID", id: text) }

  func origin(_ line: Int, batch: Int = 1, dataset: String = "web") -> LinkOrigin {
    LinkOrigin(
      dataset: dataset, batch: "batch-\(batch)", record: line,
      order: LinkOrigin.order(batch: batch, line: line))
  }

  @Test func identitiesOfTheSameRecordLinkAndGraphsJoinAcrossRecords() {
    var graph = IdentityGraph(registry: registry)
    graph.link([ecid(1), email("ana@example.com")], origin: origin(1, dataset: "events"))
    graph.link([email("ana@example.com"), crm("42")], origin: origin(1, batch: 2, dataset: "crm"))
    #expect(
      Set(graph.cluster(containing: ecid(1))) == [ecid(1), email("ana@example.com"), crm("42")])
    #expect(graph.cluster(containing: crm("42")).count == 3)
  }

  @Test func identitiesComeBackExactlyAsInternedAcrossNamespacesAndGrowth() {
    var graph = IdentityGraph(registry: registry)
    // Same value in two namespaces, an empty value, multi-byte text, shared prefixes, and
    // enough identities to make the table grow several times.
    let odd = [
      email("ana@example.com"), crm("ana@example.com"), crm(""), email("zoë@exämple.com"),
      email("ana@example.co"), email("ana@example.comm"),
    ]
    graph.link(odd, origin: origin(1))
    for n in 0..<1_000 {
      graph.link([ecid(n), email("user\(n)@example.com")], origin: origin(n + 2))
    }
    #expect(graph.identityCount == odd.count + 2_000)
    #expect(graph.cluster(containing: crm("ana@example.com")).sorted() == odd.sorted())
    #expect(graph.cluster(containing: ecid(999)) == [ecid(999), email("user999@example.com")])
    #expect(!graph.contains(crm("ana@example.co")))
    #expect(!graph.contains(Identity(namespace: "Phone", id: "ana@example.com")))
    #expect(graph.links(of: ecid(500)).first?.origin == origin(502))
  }

  @Test func aRecordWithOneIdentityLinksNothing() {
    var graph = IdentityGraph(registry: registry)
    graph.link([ecid(7)], origin: origin(1))
    #expect(graph.cluster(containing: ecid(7)) == [ecid(7)])
    #expect(graph.linkCount == 0)
  }

  @Test func partnerIdentitiesNeverLink() {
    var graph = IdentityGraph(registry: registry)
    let partner = Identity(namespace: "AdCloud", id: "p-1")
    graph.link([partner, email("a@example.com")], origin: origin(1))
    #expect(graph.cluster(containing: partner) == [partner])
    #expect(graph.cluster(containing: email("a@example.com")) == [email("a@example.com")])
  }

  @Test func linksKeepTheirOriginAndTime() throws {
    var graph = IdentityGraph(registry: registry)
    graph.link([ecid(1), email("a@example.com")], origin: origin(3, batch: 2, dataset: "events"))
    let link = try #require(graph.links(of: ecid(1)).first)
    #expect(link.origin.dataset == "events")
    #expect(link.origin.batch == "batch-2")
    #expect(link.origin.record == 3)
    #expect(link.firstEstablished == LinkOrigin.order(batch: 2, line: 3))
    #expect(link.state == .active)
  }

  @Test func the51stIdentityRemovesTheOldestCookieFirst() {
    var graph = IdentityGraph(registry: registry)
    let hub = email("hub@example.com")
    for n in 1...49 { graph.link([hub, ecid(n)], origin: origin(n)) }
    #expect(graph.cluster(containing: hub).count == 50)
    let phone = Identity(namespace: "Phone", id: "+15550100")
    graph.link([hub, phone], origin: origin(50))
    let cluster = graph.cluster(containing: hub)
    #expect(cluster.count == 50)
    #expect(cluster.contains(phone))
    #expect(!cluster.contains(ecid(1)))
    #expect(graph.cluster(containing: ecid(1)) == [ecid(1)])
    #expect(graph.links(of: ecid(1)).first?.state == .removedByGraphLimit)
  }

  @Test func removingTheOldestIdentityCanSplitTheGraph() {
    var graph = IdentityGraph(registry: registry)
    let phone = Identity(namespace: "Phone", id: "+15550100")
    graph.link([ecid(1), email("a@example.com")], origin: origin(1))
    graph.link([ecid(1), phone], origin: origin(2))
    for n in 1...48 { graph.link([email("a@example.com"), crm("c\(n)")], origin: origin(2 + n)) }
    #expect(graph.cluster(containing: phone) == [phone])
    #expect(graph.cluster(containing: ecid(1)) == [ecid(1)])
    #expect(graph.cluster(containing: email("a@example.com")).count == 49)
  }

  @Test func aSharedEmailNoLongerMergesTwoCRMIDsUnderUniqueNamespaces() throws {
    let rules = try IdentityLinkingRules(
      unique: ["CRMID"], priority: ["CRMID", "Email", "Phone", "ECID"], registry: registry)
    var graph = IdentityGraph(registry: registry, rules: rules)
    let shared = email("test@test.com")
    graph.link([crm("A"), shared], origin: origin(1))
    graph.link([crm("B"), shared], origin: origin(2))
    #expect(Set(graph.cluster(containing: shared)) == [crm("B"), shared])
    #expect(graph.cluster(containing: crm("A")) == [crm("A")])
    let removed = graph.links(of: crm("A")).first
    #expect(removed?.state == .removedByLinkingRules)
  }

  @Test func withoutRulesASharedEmailMergesEverything() {
    var graph = IdentityGraph(registry: registry)
    let shared = email("test@test.com")
    graph.link([crm("A"), shared], origin: origin(1))
    graph.link([crm("B"), shared], origin: origin(2))
    #expect(graph.cluster(containing: crm("A")).count == 3)
  }

  @Test func aSharedDeviceMovesToTheLastAuthenticatedPerson() throws {
    let rules = try IdentityLinkingRules(
      unique: ["CRMID"], priority: ["CRMID", "Email", "ECID"], registry: registry)
    var graph = IdentityGraph(registry: registry, rules: rules)
    graph.link([ecid(1), crm("A")], origin: origin(1))
    graph.link([ecid(1), crm("B")], origin: origin(2))
    #expect(Set(graph.cluster(containing: ecid(1))) == [ecid(1), crm("B")])
    #expect(graph.cluster(containing: crm("A")) == [crm("A")])
    graph.link([ecid(1), crm("A")], origin: origin(3))
    #expect(Set(graph.cluster(containing: ecid(1))) == [ecid(1), crm("A")])
  }

  @Test func pathGivesTheChainOfLinksAndRemovedOnesOnRequest() throws {
    let rules = try IdentityLinkingRules(
      unique: ["CRMID"], priority: ["CRMID", "ECID"], registry: registry)
    var graph = IdentityGraph(registry: registry, rules: rules)
    graph.link([ecid(1), crm("A")], origin: origin(1))
    graph.link([ecid(1), crm("B")], origin: origin(2))
    #expect(graph.path(from: crm("B"), to: ecid(1))?.count == 1)
    #expect(graph.path(from: crm("A"), to: crm("B")) == nil)
    let former = try #require(graph.path(from: crm("A"), to: crm("B"), includingRemoved: true))
    #expect(former.count == 2)
    #expect(former.first?.state == .removedByLinkingRules)
  }

  @Test func savedChangesRestoreTheSameGraph() {
    var graph = IdentityGraph(registry: registry)
    graph.link([ecid(1), email("a@example.com")], origin: origin(1))
    graph.link([email("a@example.com"), crm("A")], origin: origin(2))
    graph.link([ecid(2)], origin: origin(3))
    let changes = graph.changes()
    #expect(changes.identities.count == 4)
    #expect(changes.links.count == 2)
    var restored = IdentityGraph(registry: registry)
    let byID = Dictionary(
      uniqueKeysWithValues: changes.identities.map { ($0.storedID, changes.identity(of: $0)) })
    for row in changes.identities {
      restored.restoreIdentity(
        changes.identity(of: row), storedID: row.storedID, firstSeen: row.firstSeen,
        graphID: row.graphID)
    }
    for link in changes.links {
      guard let from = byID[link.from], let to = byID[link.to] else { continue }
      restored.restoreLink(
        from: from, to: to, storedID: link.storedID, origin: link.origin,
        firstEstablished: link.firstEstablished, lastEstablished: link.lastEstablished,
        state: link.state, graphID: link.graphID)
    }
    #expect(
      Set(restored.cluster(containing: crm("A"))) == [ecid(1), email("a@example.com"), crm("A")])
    #expect(restored.changes().identities.isEmpty)
    #expect(restored.nextIdentityID == 5)
  }
}
