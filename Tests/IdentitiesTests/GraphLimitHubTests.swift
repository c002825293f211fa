import Testing

@testable import Identities

/// The 50-identity limit when one identity (a CRM id) appears in every record.
@Suite struct GraphLimitHubTests {
  @Test func anIdentityEveryRecordRepeatsIsKeptWhenTheGraphIsFull() throws {
    var graph = IdentityGraph(registry: NamespaceRegistry())
    let hub = Identity(namespace: "CRMID", id: "C1")
    for line in 1...60 {
      _ = graph.link(
        [hub, Identity(namespace: "Email", id: "u\(line - 1)@example.com")],
        origin: LinkOrigin(
          dataset: "crm", batch: "batch-1", record: line,
          order: LinkOrigin.order(batch: 1, line: line)))
    }
    let cluster = graph.cluster(containing: hub)
    #expect(cluster.count == 50)
    #expect(cluster.contains(Identity(namespace: "Email", id: "u59@example.com")))
    #expect(!cluster.contains(Identity(namespace: "Email", id: "u0@example.com")))
  }
}
