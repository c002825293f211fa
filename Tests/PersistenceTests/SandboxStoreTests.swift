import Foundation
import Identities
import Profiles
import Testing

@testable import Persistence

@Suite struct SandboxStoreTests {
  let registry = NamespaceRegistry()

  func commit(lines: ClosedRange<Int>, batch: Int, graph: inout IdentityGraph) -> IngestCommit {
    var records: [StoredRecord] = []
    for line in lines {
      let email = Identity(namespace: "Email", id: "p\(line)@example.com")
      let crm = Identity(namespace: "CRMID", id: "c\(line)")
      let origin = LinkOrigin(
        dataset: "crm", batch: "batch-\(batch)", record: line,
        order: LinkOrigin.order(batch: batch, line: line))
      graph.link([crm, email], origin: origin)
      records.append(
        StoredRecord(
          batchID: "batch-\(batch)", datasetID: "crm", line: line, order: origin.order,
          kind: .profile,
          identityID: graph.storedID(of: crm) ?? 0, eventID: nil, eventTime: nil,
          json: #"{"crm": "c\#(line)"}"#))
    }
    return IngestCommit(
      datasets: [
        StoredDataset(
          id: "crm", name: "CRM", recordClass: "profile", schema: "{}",
          createdAt: "2024-05-01T00:00:00Z")
      ],
      batches: [
        StoredBatch(
          id: "batch-\(batch)", number: batch, datasetID: "crm", ingestedAt: "2024-05-01T00:00:00Z",
          source: "crm.ndjson", accepted: records.count, rejected: 0)
      ],
      records: records, graph: graph.changes())
  }

  @Test func aCommittedBatchCanBeReadBackByGraph() throws {
    let store = SandboxStore(database: try LabDatabase.inMemory())
    var graph = IdentityGraph(registry: registry)
    try store.commit(commit(lines: 1...3, batch: 1, graph: &graph))
    let stored = try #require(
      try store.identity(Identity(namespace: "Email", id: "p2@example.com")))
    let members = try store.graphMembers(graphID: stored.graphID)
    #expect(
      Set(members.map(\.identity)) == [
        Identity(namespace: "Email", id: "p2@example.com"), Identity(namespace: "CRMID", id: "c2"),
      ])
    let records = try store.records(identityIDs: members.map(\.storedID), kind: .profile)
    #expect(records.map(\.json) == [#"{"crm": "c2"}"#])
    #expect(try store.datasets().first?.recordCount == 3)
    let loaded = try store.graph(
      around: [Identity(namespace: "CRMID", id: "c3")], registry: registry, rules: nil,
      guardrails: .init())
    #expect(loaded.cluster(containing: Identity(namespace: "CRMID", id: "c3")).count == 2)
    #expect(loaded.nextIdentityID == 7)
  }

  @Test func aFailureMidBatchLeavesThePreviousStateIntact() throws {
    let store = SandboxStore(database: try LabDatabase.inMemory())
    var graph = IdentityGraph(registry: registry)
    try store.commit(commit(lines: 1...2, batch: 1, graph: &graph))
    graph.markSaved()
    let second = commit(lines: 3...6, batch: 2, graph: &graph)
    #expect(throws: PersistenceError.self) { try store.commit(second, failingAfterRecords: 2) }
    #expect(try store.batches().map(\.id) == ["batch-1"])
    #expect(try store.identity(Identity(namespace: "CRMID", id: "c3")) == nil)
    #expect(try store.graphTotals().identities == 4)
  }

  @Test func aSecondConnectionSeesCommittedState() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aep-lab-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lab.sqlite").path
    let writer = SandboxStore(database: try LabDatabase.open(at: path))
    let reader = SandboxStore(database: try LabDatabase.open(at: path))
    var graph = IdentityGraph(registry: registry)
    try writer.commit(commit(lines: 1...2, batch: 1, graph: &graph))
    #expect(try reader.graphTotals().identities == 4)
    #expect(try reader.batches().count == 1)
  }

  @Test func settingsRoundTrip() throws {
    let store = SandboxStore(database: try LabDatabase.inMemory())
    var registry = NamespaceRegistry()
    let created = try registry.create(code: "memberId", name: "Member ID", type: .crossDevice)
    try store.save(namespace: created)
    #expect(try store.customNamespaces() == [created])
    let rules = try IdentityLinkingRules(
      unique: ["CRMID"], priority: ["CRMID", "Email"], registry: registry)
    try store.save(identityRules: rules)
    #expect(try store.identityRules() == rules)
    try store.save(identityRules: nil)
    #expect(try store.identityRules() == nil)
    var policies = MergePolicySet()
    try policies.add(
      MergePolicy(
        id: "p", name: "P", attributeMerge: .dataSetPrecedence(["a"]), identityGraph: .none))
    try store.save(mergePolicies: policies)
    #expect(try store.mergePolicies() == policies)
  }
}
