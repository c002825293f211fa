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

/// Streaming on the profile store against streaming on profiles merged from the records:
/// random sandboxes, random streaming segments, the same memberships after each ingest.
///
/// Each seed builds a sandbox as ``ProfileStoreEquivalenceTests`` does, creates random
/// streaming segments (every shape streaming allows: events in a window of a day or less, a
/// profile attribute with events, profile attributes only, `inSegment` of a profile-only
/// audience), runs a job (so the store is up to date) and copies the state. Then recent events
/// (and in some seeds a few profile fragments, which change graphs) are ingested into both
/// copies: one evaluates the touched profiles on the store's rows plus the new events, the
/// other has its store dropped first and merges every touched profile from the records. Their
/// memberships must be the same; a second job and a second ingest follow.
@Suite struct StreamingOnStoreTests {
  typealias Random = ProfileStoreEquivalenceTests.Random

  static let profileConditions = [
    #"person.gender = "male""#, #"person.gender in ["female", "not_specified"]"#,
    #"homeAddress.city.equals("leuven", false)"#, #"loyalty.points > 2500"#,
    #"loyalty.level in ["gold", "silver"]"#, #"person.name.firstName.isNotNull()"#,
    #"tags.contains("vip")"#,
  ]

  /// A random event condition with a window of a day or less.
  static func eventCondition(_ random: inout Random) -> String {
    let type = random.pick(ProfileStoreEquivalenceTests.eventTypes)
    let product = random.pick(ProfileStoreEquivalenceTests.products)
    return random.pick([
      #"xEvent[eventType = "\#(type)" and timestamp occurs <= 24 hours before now].count() >= 1"#,
      #"xEvent[timestamp occurs <= 12 hours before now].count() > \#(Int.random(in: 0...2, using: &random))"#,
      #"CHAIN(xEvent, timestamp, [A: WHAT(eventType = "\#(type)") WHEN(<= 24 hours before now)])"#,
      #"CHAIN(xEvent, timestamp, [A: WHAT(productListItems.exists(name.equals("\#(product)", false))) WHEN(<= 24 hours before now)])"#,
      #"CHAIN(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#,
      #"xEvent[eventType = "commerce.purchases" and timestamp occurs today].sum(commerce.order.priceTotal) > 100"#,
      #"xEvent[productListItems.name = "\#(product)" and timestamp occurs < 6 hours before now].count() > 0"#,
      #"xEvent[timestamp occurs on yesterday].count() > 0"#,
    ])
  }

  /// A random expression streaming can take; `profileOnly` lists earlier profile-only
  /// segments' ids.
  static func expression(_ random: inout Random, profileOnly: [String]) -> String {
    let profile = random.pick(profileConditions)
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return eventCondition(&random)
    case 1: return "\(profile) and \(eventCondition(&random))"
    case 2: return "\(profile) or not (\(random.pick(profileConditions)))"
    case 3: return "\(eventCondition(&random)) and not (\(profile))"
    case 4:
      guard let id = profileOnly.last else { return profile }
      return #"inSegment("\#(id)") and \#(profile)"#
    default: return "\(profile) and (\(eventCondition(&random)) or \(eventCondition(&random)))"
    }
  }

  /// Every segment's stored memberships, by segment id.
  static func memberships(_ sandbox: Sandbox) throws -> [String: [Int64: SegmentMembership]] {
    var result: [String: [Int64: SegmentMembership]] = [:]
    for segment in try sandbox.storedSegments() {
      result[segment.id] = try sandbox.segmentStore.memberships(segmentID: segment.id)
    }
    return result
  }

  @Test(arguments: 1...32)
  func theStoreAndTheRecordsGiveTheSameStreamingMembers(seed: Int) throws {
    var random = Random(state: UInt64(seed) &* 104_729)
    let now = ProfileStoreEquivalenceTests.now
    // A small graph limit in some seeds: links are removed and graphs split.
    let guardrails = IdentityGuardrails(maxIdentitiesPerGraph: seed % 2 == 0 ? 6 : 50)
    let onFile = seed % 4 == 0
    let folder = try TemporaryFolder()
    let setup = Sandbox(
      database: try LabDatabase.inMemory(), guardrails: guardrails, clock: { now })
    let people = Int.random(in: 20...60, using: &random)
    let shapes = seed % 5 == 0
    try setup.ingest(
      ProfileStoreEquivalenceTests.batch(
        &random, people: people, fragments: people, events: people * 3, shapes: shapes,
        eventBase: 0, eventSeconds: -3 * 86_400...3_600))
    let pdg = random.chance(80)
    _ = try setup.createMergePolicy(
      name: "Random \(seed)",
      attributeMerge: random.chance(50) ? "timestampOrdered" : "dataSetPrecedence",
      datasetOrder: ["Loyalty", "CRM", "Registrations", "Web", "Calls"].shuffled(using: &random),
      identityGraph: pdg ? "pdg" : "none", isDefault: true)
    var profileOnly: [String] = []
    var texts: [String] = []
    while texts.count < 4 {
      let text = Self.expression(&random, profileOnly: profileOnly)
      let definition = SegmentDefinition(
        name: "Streaming \(texts.count)", expression: SegmentExpression(value: text),
        evaluationInfo: .init(continuous: true))
      guard let created = try? setup.createSegment(definition), let id = created.id else {
        continue
      }
      texts.append(text)
      if try setup.storedSegment(id).expression.compile().isProfileOnly { profileOnly.append(id) }
    }
    let job = try setup.runSegmentJob()
    #expect(job.status == "SUCCEEDED", "seed \(seed): \(job.errors ?? [])")

    // Two copies of the state: one streams on its store, the other from the records.
    func copy() throws -> Sandbox {
      var database = try setup.store.database.inMemoryCopy()
      if onFile {
        let path = folder.path("state-\(UUID().uuidString)/lab.sqlite")
        try database.writeCopy(to: path)
        database = try LabDatabase.open(at: path)
      }
      return Sandbox(database: database, guardrails: guardrails, clock: { now })
    }
    let onStore = try copy()
    let fromRecords = try copy()
    for round in 1...2 {
      try fromRecords.store.deleteProfileColumns()
      let batch = ProfileStoreEquivalenceTests.batch(
        &random, people: people, fragments: seed % 3 == 0 ? people / 8 : 0,
        events: people * 2, shapes: shapes, eventBase: 100_000 * round,
        eventSeconds: -36 * 3_600...3_600)
      let viaStore = try onStore.ingest(batch)
      let viaRecords = try fromRecords.ingest(batch)
      #expect(viaRecords.streaming?.profilesFromStore == 0, "seed \(seed)")
      if !pdg { #expect(viaStore.streaming?.profilesFromStore == 0, "seed \(seed)") }
      #expect(viaStore.streaming?.changes == viaRecords.streaming?.changes, "seed \(seed)")
      #expect(
        try Self.memberships(onStore) == Self.memberships(fromRecords),
        "seed \(seed), round \(round): \(texts)")
      // A job brings the store up to date for the next round.
      _ = try onStore.runSegmentJob()
      _ = try fromRecords.runSegmentJob()
    }
  }

  /// A time `hours` before the test's now, as ISO-8601 text.
  static func time(hoursBefore hours: Int) -> String {
    ISO8601DateFormatter().string(
      from: ProfileStoreEquivalenceTests.now.addingTimeInterval(TimeInterval(-hours * 3_600)))
  }

  /// A 38-digit ECID.
  static func ecid(_ number: Int) -> String { String(format: "%038d", number) }

  static func purchase(_ ecid: Int, id: String) -> String {
    #"{"_id": "\#(id)", "ecid": "\#(Self.ecid(ecid))", "eventType": "commerce.purchases", "timestamp": "\#(time(hoursBefore: 1))"}"#
  }

  @Test func profilesOnlyGivenEventsAreReadFromTheStoreAndTheOthersMerged() throws {
    typealias Data = ProfileStoreEquivalenceTests
    let now = Data.now
    let sandbox = Sandbox(database: try LabDatabase.inMemory(), clock: { now })
    try sandbox.ingest([
      DatasetRecords(
        schema: Data.crm,
        lines: [
          #"{"email": "p1@example.com", "person": {"gender": "female"}}"#,
          #"{"email": "p2@example.com", "person": {"gender": "male"}}"#,
          #"{"email": "p3@example.com", "person": {"gender": "female"}}"#,
        ], source: "test"),
      DatasetRecords(
        schema: Data.registrations,
        lines: (1...3).map { #"{"ecid": "\#(Self.ecid($0))", "email": "p\#($0)@example.com"}"# },
        source: "test"),
      DatasetRecords(
        schema: Data.web,
        lines: [
          #"{"_id": "old", "ecid": "\#(Self.ecid(1))", "eventType": "commerce.productViews", "timestamp": "\#(Self.time(hoursBefore: 240))"}"#
        ], source: "test"),
    ])
    var ids: [String] = []
    for (name, text) in [
      (
        "female buyers",
        #"person.gender = "female" and CHAIN(xEvent, timestamp, [A: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#
      ),
      ("women", #"person.gender = "female""#),
    ] {
      let created = try sandbox.createSegment(
        SegmentDefinition(
          name: name, expression: SegmentExpression(value: text),
          evaluationInfo: .init(continuous: true)))
      ids.append(try #require(created.id))
    }
    _ = try sandbox.runSegmentJob()

    // Purchases by two known people: both profiles read from the store.
    let first = try #require(
      try sandbox.ingest([
        DatasetRecords(
          schema: Data.web,
          lines: [Self.purchase(1, id: "a"), Self.purchase(2, id: "b")], source: "test")
      ]).streaming)
    #expect(first.profilesFromStore == 2 && first.profilesMerged == 0)
    #expect(first.changes[ids[0]] == StreamingChange(entered: 1, exited: 0))
    #expect(first.changes[ids[1]] == nil)

    // The store now lags the records until a reader brings it up to date: merged.
    let second = try #require(
      try sandbox.ingest([
        DatasetRecords(schema: Data.web, lines: [Self.purchase(3, id: "c")], source: "test")
      ]).streaming)
    #expect(second.profilesFromStore == 0 && second.profilesMerged == 1)
    #expect(second.changes[ids[0]] == StreamingChange(entered: 1, exited: 0))

    // A known person's event (from the store), a new visitor's and a changed profile (merged).
    _ = try sandbox.runSegmentJob()
    let third = try #require(
      try sandbox.ingest([
        DatasetRecords(
          schema: Data.crm,
          lines: [#"{"email": "p2@example.com", "person": {"gender": "female"}}"#],
          source: "test"),
        DatasetRecords(
          schema: Data.web,
          lines: [Self.purchase(3, id: "d"), Self.purchase(9, id: "e")], source: "test"),
      ]).streaming)
    #expect(third.profilesFromStore == 1 && third.profilesMerged == 2)
    #expect(third.changes[ids[0]] == StreamingChange(entered: 1, exited: 0))
    #expect(third.changes[ids[1]] == StreamingChange(entered: 1, exited: 0))
    let buyers = try sandbox.segmentStore.memberships(segmentID: ids[0]).values
    #expect(buyers.count { $0.status.isMember } == 3)
  }

  /// A membership another merge policy's segment changed for the same profile does not hide
  /// the profile's other memberships from the next policy's segments.
  @Test func segmentsUnderTwoMergePoliciesKeepEachOthersMemberships() throws {
    typealias Data = ProfileStoreEquivalenceTests
    final class Clock: @unchecked Sendable { var now = Data.now.addingTimeInterval(-3_600) }
    let clock = Clock()
    let sandbox = Sandbox(database: try LabDatabase.inMemory(), clock: { clock.now })
    try sandbox.ingest([
      DatasetRecords(
        schema: Data.crm, lines: [#"{"email": "p1@example.com", "person": {"gender": "female"}}"#],
        source: "test"),
      DatasetRecords(
        schema: Data.registrations,
        lines: [#"{"ecid": "\#(Self.ecid(1))", "email": "p1@example.com"}"#], source: "test"),
    ])
    let other = try sandbox.createMergePolicy(
      name: "Other", attributeMerge: "timestampOrdered", identityGraph: "pdg")
    // Under each policy, one segment a purchase brings the profile into and one it stays in:
    // whichever policy goes second must still see the membership it keeps.
    let buyers =
      #"person.gender = "female" and CHAIN(xEvent, timestamp, [A: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#
    var ids: [String] = []
    for (text, policy) in [
      (buyers, nil), (#"person.gender = "female""#, nil), (buyers, other.id),
      (#"person.gender = "female""#, other.id),
    ] {
      let created = try sandbox.createSegment(
        SegmentDefinition(
          name: "S\(ids.count)", expression: SegmentExpression(value: text),
          evaluationInfo: .init(continuous: true), mergePolicyId: policy))
      ids.append(try #require(created.id))
    }
    _ = try sandbox.runSegmentJob()
    let before = try [1, 3].map { try sandbox.segmentStore.memberships(segmentID: ids[$0]) }
    #expect(before.map { $0.values.map(\.status) } == [[.realized], [.realized]])
    clock.now = Data.now
    let report = try sandbox.ingest([
      DatasetRecords(schema: Data.web, lines: [Self.purchase(1, id: "a")], source: "test")
    ])
    let changes = try #require(report.streaming?.changes)
    #expect(changes == [ids[0]: StreamingChange(entered: 1), ids[2]: StreamingChange(entered: 1)])
    #expect(try [1, 3].map { try sandbox.segmentStore.memberships(segmentID: ids[$0]) } == before)
  }
}
