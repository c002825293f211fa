import Foundation
import Identities
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Segmentation
import Testing

@testable import Sandbox

/// The profile store is derived from the records: a missing, damaged or stale store is rebuilt
/// (saying so), a refused ingest leaves it as it was, and a job gives the same members either
/// way.
@Suite struct ProfileStoreRecoveryTests {
  /// Collects the sandbox's notices.
  final class Notices: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    func add(_ text: String) { lock.withLock { texts.append(text) } }
    var all: [String] { lock.withLock { texts } }
  }

  /// A sandbox with the Luma demo data, two segments, and a first job run.
  static func prepared() throws -> (Sandbox, Notices, [String]) {
    var sandbox = try SandboxFixture.sandbox()
    let notices = Notices()
    sandbox.notice = { notices.add($0) }
    try sandbox.ingest(LumaDemoData(seed: LumaDemoData.defaultSeed).datasetRecords)
    var ids: [String] = []
    for (name, pql) in [
      ("Women", #"person.gender = "female""#),
      (
        "Jacket",
        #"xEvent.exists(productListItems.exists(name.equals("Montana Wind Jacket", false)))"#
      ),
    ] {
      let created = try sandbox.createSegment(
        SegmentDefinition(name: name, expression: SegmentExpression(value: pql)))
      ids.append(try #require(created.id))
    }
    _ = try sandbox.runSegmentJob()
    return (sandbox, notices, ids)
  }

  static func members(_ sandbox: Sandbox, _ ids: [String]) throws -> [String: Set<Int64>] {
    var result: [String: Set<Int64>] = [:]
    for id in ids {
      result[id] = Set(
        try sandbox.segmentStore.memberships(segmentID: id).filter { $0.value.status.isMember }.keys
      )
    }
    return result
  }

  @Test(arguments: ["header", "column", "identities"])
  func aDamagedStoreIsRebuiltWithANoticeAndTheSameMembers(damaged: String) throws {
    let (sandbox, notices, ids) = try Self.prepared()
    let before = try Self.members(sandbox, ids)
    #expect(before.values.allSatisfy { !$0.isEmpty })
    let policy = try sandbox.mergePolicies().defaultPolicy
    let stamp = try sandbox.profileStoreStamp(policy: policy, registry: try sandbox.registry())
    var (header, parts) = try sandbox.profileColumnStore(policy: policy).store.encoded()
    // Cut a part short, as a damaged disk would.
    switch damaged {
    case "header": header = header.prefix(header.count / 2)
    case "column":
      let name = try #require(parts.keys.first { $0.hasPrefix("p.") && $0.hasSuffix(".codes") })
      for key in parts.keys where key.hasPrefix("p.") && key.hasSuffix(".codes") {
        parts[key] = parts[key]?.prefix(3)
      }
      _ = name
    default: parts["graphs"] = Data([1, 2, 3])
    }
    try sandbox.store.save(
      profileColumns: StoredProfileColumns(
        policyID: policy.id, stamp: stamp, header: header, parts: parts))
    if damaged == "identities" {
      // Identities are read by a patch: an ingest's change makes the next reader patch.
      try sandbox.ingest([
        DatasetRecords(
          schema: LumaDatasets.websiteEvents,
          lines: [
            #"{"_id": "x-3", "timestamp": "2024-05-01T09:00:00Z", "eventType": "web.webpagedetails.pageViews", "_experienceplatform": {"identification": {"core": {"ecid": "41235678290417653820014579632018456701"}}}}"#
          ], source: "test")
      ])
    }
    let job = try sandbox.runSegmentJob()
    #expect(job.status == "SUCCEEDED")
    #expect(try Self.members(sandbox, ids) == before)
    #expect(notices.all.contains { $0.contains("did not read back") && $0.contains("rebuilding") })
    // The rebuilt store was written back: the next reader takes it as it is.
    let reopened = try sandbox.profileColumnStore(policy: policy)
    #expect(reopened.rebuilt == nil)
    _ = try sandbox.runSegmentJob()
    #expect(reopened.store.damage.part == nil)
  }

  @Test func aDeletedOrStaleStoreIsRebuilt() throws {
    let (sandbox, notices, ids) = try Self.prepared()
    let before = try Self.members(sandbox, ids)
    let policy = try sandbox.mergePolicies().defaultPolicy
    try sandbox.store.deleteProfileColumns()
    #expect(try sandbox.profileColumnStore(policy: policy).rebuilt == .missing)
    _ = try sandbox.runSegmentJob()
    #expect(try Self.members(sandbox, ids) == before)
    try sandbox.store.save(
      profileColumns: StoredProfileColumns(
        policyID: policy.id, stamp: "format 0", header: Data(), parts: [:]))
    _ = try sandbox.runSegmentJob()
    #expect(try Self.members(sandbox, ids) == before)
    #expect(notices.all.contains { $0.contains("another version") })
  }

  @Test func aRefusedIngestLeavesTheStoreAsItWas() throws {
    let (sandbox, _, ids) = try Self.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    let before = try #require(
      try sandbox.store.profileColumns(policyID: policy.id, parts: ["keys"]))
    let bad = DatasetRecords(
      schema: LumaDatasets.websiteEvents,
      lines: [#"{"_id": "x-1", "timestamp": "2024-05-01T09:00:00Z", "ecid": "1"}"#, "{not json"],
      source: "test")
    let report = try sandbox.ingest([bad], strict: true)
    #expect(!report.committed)
    let after = try #require(
      try sandbox.store.profileColumns(policyID: policy.id, parts: ["keys"]))
    #expect(after.generation == before.generation && after.parts == before.parts)
    #expect(after.dirtyGraphIDs.isEmpty)
    _ = ids
  }

  @Test func anIngestMarksOnlyTheGraphsItTouched() throws {
    let (sandbox, _, _) = try Self.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    let view = DatasetRecords(
      schema: LumaDatasets.websiteEvents,
      lines: [
        #"{"_id": "x-2", "timestamp": "2024-05-01T09:00:00Z", "eventType": "commerce.productViews", "_experienceplatform": {"identification": {"core": {"ecid": "41235678290417653820014579632018456701"}}}, "productListItems": [{"name": "Juno Jacket"}]}"#
      ],
      source: "test")
    let report = try sandbox.ingest([view])
    #expect(report.committed)
    let stored = try #require(try sandbox.store.profileColumns(policyID: policy.id, parts: []))
    #expect(stored.dirtyGraphIDs == report.affectedGraphIDs && stored.dirtyGraphIDs.count == 1)
    // Patched, not rebuilt: the persona's profile now has the view.
    let patched = try sandbox.profileColumnStore(policy: policy)
    #expect(patched.rebuilt == nil)
    let rebuilt = try sandbox.buildProfileStore(policy: policy, registry: try sandbox.registry())
    #expect(patched.store.keys == rebuilt.keys)
    #expect(patched.store.columns.eventTimes == rebuilt.columns.eventTimes)
    #expect(
      try sandbox.store.profileColumns(policyID: policy.id, parts: [])?.dirtyGraphIDs.isEmpty
        == true)
  }
}
