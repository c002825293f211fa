import Foundation
import Persistence
import Profiles
import Testing

@testable import Sandbox

/// A patch of a few graphs writes the rows it replaced as the store's delta, which readers lay
/// over the store; a large one writes the store whole again; a damaged delta is rebuilt.
@Suite struct ProfileStoreDeltaTests {
  /// A product view by the persona of `ecid`, as event `id`.
  static func view(_ id: String, ecid: String) -> DatasetRecords {
    DatasetRecords(
      schema: LumaDatasets.websiteEvents,
      lines: [
        #"{"_id": "\#(id)", "timestamp": "2024-05-01T09:00:00Z", "eventType": "commerce.productViews", "_experienceplatform": {"identification": {"core": {"ecid": "\#(ecid)"}}}, "productListItems": [{"name": "Juno Jacket"}]}"#
      ],
      source: "test")
  }

  static let ecid = "41235678290417653820014579632018456701"

  /// The stored store of `policy`, without its parts.
  static func stored(_ sandbox: Sandbox, _ policy: MergePolicy) throws -> StoredProfileColumns {
    try #require(try sandbox.store.profileColumns(policyID: policy.id, parts: []))
  }

  /// Requires the store `sandbox` reads to be the one it builds from the records.
  static func expectCurrent(_ sandbox: Sandbox, _ policy: MergePolicy, _ note: String) throws {
    let read = try sandbox.profileColumnStore(policy: policy)
    #expect(read.rebuilt == nil, "\(note): rebuilt")
    let built = try sandbox.buildProfileStore(policy: policy, registry: try sandbox.registry())
    #expect(ProfileStoreComparison.differences(read.store, built) == [], "\(note)")
  }

  @Test func aPatchOfAFewGraphsWritesOnlyItsDeltaAndReadsBackAsARebuild() throws {
    let (sandbox, _, ids) = try ProfileStoreRecoveryTests.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    let before = try Self.stored(sandbox, policy)
    #expect(before.delta == nil)

    try sandbox.ingest([Self.view("d-1", ecid: Self.ecid)])
    try Self.expectCurrent(sandbox, policy, "first patch")
    let first = try Self.stored(sandbox, policy)
    #expect(first.generation == before.generation, "the store was written whole")
    let delta = try #require(first.delta)
    #expect(
      try sandbox.store.profileColumnPart(
        policyID: policy.id, generation: delta, name: "delta.header") != nil)
    #expect(first.dirtyGraphIDs.isEmpty)
    // Read again from the state file: base and delta together.
    try Self.expectCurrent(sandbox, policy, "reopened")

    // A second patch of the same graph replaces the delta's row, and the old delta goes.
    try sandbox.ingest([Self.view("d-2", ecid: Self.ecid)])
    try Self.expectCurrent(sandbox, policy, "second patch")
    let second = try Self.stored(sandbox, policy)
    #expect(second.generation == before.generation)
    #expect(second.delta != nil && second.delta != delta)
    #expect(
      try sandbox.store.profileColumnPart(
        policyID: policy.id, generation: delta, name: "delta.header") == nil)

    // A job on the layered store gives the members a job on a rebuilt store gives.
    _ = try sandbox.runSegmentJob()
    let layered = try ProfileStoreRecoveryTests.members(sandbox, ids)
    try sandbox.store.deleteProfileColumns()
    _ = try sandbox.runSegmentJob()
    #expect(try ProfileStoreRecoveryTests.members(sandbox, ids) == layered)
  }

  @Test func aPatchOfManyGraphsWritesTheStoreWhole() throws {
    let (sandbox, _, _) = try ProfileStoreRecoveryTests.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    let before = try Self.stored(sandbox, policy)
    // Every profile gets a fragment: the delta would replace every row.
    let records = LumaDemoData(seed: LumaDemoData.defaultSeed).datasetRecords
    try sandbox.ingest(Array(records.prefix(1)))
    try Self.expectCurrent(sandbox, policy, "whole")
    let after = try Self.stored(sandbox, policy)
    #expect(after.generation != before.generation && after.delta == nil)
  }

  @Test func aDamagedDeltaIsRebuiltWithANotice() throws {
    let (sandbox, notices, ids) = try ProfileStoreRecoveryTests.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    try sandbox.ingest([Self.view("d-3", ecid: Self.ecid)])
    _ = try sandbox.runSegmentJob()
    let members = try ProfileStoreRecoveryTests.members(sandbox, ids)
    let stored = try Self.stored(sandbox, policy)
    #expect(
      try sandbox.store.saveProfileColumnsDelta(
        policyID: policy.id, generation: stored.generation, delta: "broken",
        parts: ["delta.header": Data([1, 2, 3])], dirtyGraphIDs: []))
    #expect(try sandbox.profileColumnStore(policy: policy).rebuilt == .damaged)
    #expect(notices.all.contains { $0.contains("did not read back") })
    _ = try sandbox.runSegmentJob()
    #expect(try ProfileStoreRecoveryTests.members(sandbox, ids) == members)
    try Self.expectCurrent(sandbox, policy, "rebuilt")
  }

  /// Runs its body once, from any thread.
  final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func run(_ body: () -> Void) {
      let first = lock.withLock {
        defer { done = true }
        return !done
      }
      if first { body() }
    }
  }

  @Test func aStoreMadeWhileAnIngestLandedServesItsReaderButIsNotSaved() throws {
    var (sandbox, _, _) = try ProfileStoreRecoveryTests.prepared()
    let policy = try sandbox.mergePolicies().defaultPolicy
    try sandbox.store.deleteProfileColumns()
    let version = try sandbox.store.recordsVersion()
    // An ingest lands while the next reader builds the store.
    let other = sandbox
    let once = Once()
    sandbox.progress = { _, _, _ in
      once.run { _ = try? other.ingest([Self.view("race-1", ecid: Self.ecid)]) }
    }
    let built = try sandbox.profileColumnStore(policy: policy)
    #expect(built.rebuilt == .missing)
    #expect(try sandbox.store.recordsVersion() == version + 1)
    #expect(
      try sandbox.store.profileColumns(policyID: policy.id, parts: []) == nil,
      "a store made while the records changed was saved")
    // The next reader builds it again, and saves it.
    sandbox.progress = nil
    #expect(try sandbox.profileColumnStore(policy: policy).rebuilt == .missing)
    try Self.expectCurrent(sandbox, policy, "after the race")

    // A delta made from records an ingest changed meanwhile is not saved either.
    try sandbox.ingest([Self.view("race-2", ecid: Self.ecid)])
    let stale = try sandbox.store.recordsVersion()
    try sandbox.ingest([Self.view("race-3", ecid: Self.ecid)])
    let stored = try Self.stored(sandbox, policy)
    #expect(
      try sandbox.store.saveProfileColumnsDelta(
        policyID: policy.id, generation: stored.generation, delta: "late", parts: [:],
        dirtyGraphIDs: stored.dirtyGraphIDs, ifRecordsVersion: stale) == false)
    #expect(try Self.stored(sandbox, policy).dirtyGraphIDs == stored.dirtyGraphIDs)
    try Self.expectCurrent(sandbox, policy, "after a refused delta")
  }
}
