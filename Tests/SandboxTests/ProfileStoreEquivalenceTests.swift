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

/// The columnar profile store against the per-profile JSON path: random sandboxes, random
/// expressions of every family, the same members.
///
/// Each seed builds a sandbox of random fragments over three profile datasets and two event
/// datasets whose identities overlap (so graphs merge, and later batches merge them further),
/// under a random merge policy (timestamp-ordered or dataset precedence, with or without the
/// identity graph). Random segments are run as a job, compared with ``SegmentEvaluator`` over
/// every profile merged from the records, then a second batch is ingested (the store is
/// patched, not rebuilt) and the job compared again; estimates are compared with
/// ``Sandbox/audience(expression:mergePolicy:)``, which evaluates profile by profile.
@Suite struct ProfileStoreEquivalenceTests {
  /// A small, seeded random source (SplitMix64), so a failure names the seed that made it.
  struct Random: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T {
      items[Int.random(in: 0..<items.count, using: &self)]
    }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
  }

  static let now = Date(timeIntervalSince1970: 1_714_557_600)  // 2024-05-01T10:00:00Z

  static let crm = DatasetSchema(
    name: "CRM", recordClass: .profile,
    identities: [
      .init(path: "email", namespace: "Email", primary: true),
      .init(path: "phone", namespace: "Phone"),
    ])
  static let loyalty = DatasetSchema(
    name: "Loyalty", recordClass: .profile,
    identities: [
      .init(path: "phone", namespace: "Phone", primary: true),
      .init(path: "email", namespace: "Email"),
    ])
  static let registrations = DatasetSchema(
    name: "Registrations", recordClass: .profile,
    identities: [
      .init(path: "ecid", namespace: "ECID", primary: true),
      .init(path: "email", namespace: "Email"),
    ])
  static let web = DatasetSchema(
    name: "Web", recordClass: .experienceEvent,
    identities: [.init(path: "ecid", namespace: "ECID", primary: true)])
  static let calls = DatasetSchema(
    name: "Calls", recordClass: .experienceEvent,
    identities: [.init(path: "phone", namespace: "Phone", primary: true)])

  static let products = [
    "Montana Wind Jacket", "MONTANA WIND JACKET", "Juno Jacket", "Aim Analog Watch", "Hero Hoodie",
  ]
  static let cities = ["Leuven", "leuven", "Gent", "Antwerp", "LEUVEN"]
  static let names = ["Ana", "bea", "Chloé", "Dirk", "Émile", "lucas", "Zoë"]
  static let eventTypes = [
    "commerce.productViews", "commerce.purchases", "web.webpagedetails.pageViews",
    "callcenter.call",
  ]

  /// Random attributes: some fields missing, null, of another type, or empty objects.
  static func attributes(_ random: inout Random, shapes: Bool) -> [String: JSONValue] {
    var record: [String: JSONValue] = [:]
    var person: [String: JSONValue] = [:]
    if random.chance(80) {
      person["gender"] = .string(random.pick(["male", "female", "not_specified"]))
    }
    if random.chance(10) { person["gender"] = .null }
    if random.chance(70) {
      if shapes && random.chance(15) {
        person["name"] = .string(random.pick(names))
      } else {
        person["name"] = ["firstName": .string(random.pick(names))]
      }
    }
    if random.chance(60) {
      person["birthDate"] = .string(
        "19\(Int.random(in: 60...99, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
      )
    }
    if !person.isEmpty { record["person"] = .object(person) }
    if random.chance(60) { record["homeAddress"] = ["city": .string(random.pick(cities))] }
    if random.chance(50) {
      var loyalty: [String: JSONValue] = [
        "points": .number(Double(Int.random(in: 0...5_000, using: &random)))
      ]
      if random.chance(50) {
        loyalty["level"] = .string(random.pick(["gold", "silver", "bronze"]))
      }
      if random.chance(10) {
        loyalty["points"] = .number(Double(Int.random(in: 0...500, using: &random)) + 0.5)
      }
      record["loyalty"] = .object(loyalty)
    }
    if random.chance(30) {
      record["tags"] = .array(
        (0..<Int.random(in: 0...3, using: &random)).map { _ in
          .string(random.pick(["vip", "new", "churn"]))
        })
    }
    if random.chance(5) { record["preferences"] = [:] }
    return record
  }

  /// One random batch: profile fragments and events over the identity pools, the events
  /// within `eventSeconds` of ``now``.
  static func batch(
    _ random: inout Random, people: Int, fragments: Int, events: Int, shapes: Bool, eventBase: Int,
    eventSeconds: ClosedRange<Int> = -40 * 86_400...2 * 86_400
  ) -> [DatasetRecords] {
    func email() -> String { "p\(Int.random(in: 0..<people, using: &random))@example.com" }
    func phone() -> String { "+3247000\(1_000 + Int.random(in: 0..<people, using: &random))" }
    func ecid() -> String {
      String(repeating: "4", count: 30)
        + String(10_000_000 + Int.random(in: 0..<(people * 3 / 2), using: &random))
    }
    var crm: [String] = []
    var loyalty: [String] = []
    var registrations: [String] = []
    for _ in 0..<fragments {
      var record = attributes(&random, shapes: shapes)
      switch Int.random(in: 0..<3, using: &random) {
      case 0:
        record["email"] = .string(email())
        if random.chance(50) { record["phone"] = .string(phone()) }
        crm.append(JSONValue.object(record).serialized())
      case 1:
        record["phone"] = .string(phone())
        if random.chance(40) { record["email"] = .string(email()) }
        loyalty.append(JSONValue.object(record).serialized())
      default:
        record["ecid"] = .string(ecid())
        if random.chance(40) { record["email"] = .string(email()) }
        registrations.append(JSONValue.object(record).serialized())
      }
    }
    var web: [String] = []
    var calls: [String] = []
    for index in 0..<events {
      let seconds = Int.random(in: eventSeconds, using: &random)
      let time = now.addingTimeInterval(TimeInterval(seconds))
      var event: [String: JSONValue] = [
        "_id": .string("evt-\(eventBase + index)"),
        "timestamp": .string(ISO8601DateFormatter().string(from: time)),
        "eventType": .string(random.pick(eventTypes)),
      ]
      if random.chance(70) {
        event["productListItems"] = .array(
          (0..<Int.random(in: 1...3, using: &random)).map { _ in
            [
              "name": .string(random.pick(products)),
              "quantity": .number(Double(Int.random(in: 1...3, using: &random))),
            ]
          })
      }
      if random.chance(30) {
        event["commerce"] = [
          "order": ["priceTotal": .number(Double(Int.random(in: 5...400, using: &random)))]
        ]
      }
      if random.chance(60) {
        event["ecid"] = .string(ecid())
        web.append(JSONValue.object(event).serialized())
      } else {
        event["phone"] = .string(phone())
        calls.append(JSONValue.object(event).serialized())
      }
    }
    return [
      DatasetRecords(schema: Self.crm, lines: crm, source: "test"),
      DatasetRecords(schema: Self.loyalty, lines: loyalty, source: "test"),
      DatasetRecords(schema: Self.registrations, lines: registrations, source: "test"),
      DatasetRecords(schema: Self.web, lines: web, source: "test"),
      DatasetRecords(schema: Self.calls, lines: calls, source: "test"),
    ].filter { !$0.ndjson.isEmpty }
  }

  /// A random condition from one of the function families.
  static func condition(_ random: inout Random, earlier: [String]) -> String {
    let product = random.pick(products)
    let type = random.pick(eventTypes)
    let k = Int.random(in: 0...3, using: &random)
    let days = random.pick([1, 3, 7, 30])
    var families: [String] = [
      #"person.gender = "\#(random.pick(["male", "female"]))""#,
      #"person.gender in ["male", "not_specified"]"#,
      #"person.gender != "female""#,
      #"homeAddress.city.equals("leuven", false)"#,
      #"homeAddress.city.startsWith("Le")"#,
      #"homeAddress.city.contains("EUV", false)"#,
      #"homeAddress.city like "%euv%""#,
      #"loyalty.points > \#(Int.random(in: 0...5_000, using: &random))"#,
      #"loyalty.points + 100 <= \#(Int.random(in: 0...5_000, using: &random))"#,
      #"loyalty.level in ["gold", "silver"]"#,
      #"loyalty.level.isNull()"#,
      #"person.name.firstName.isNotNull()"#,
      #"person.name.firstName.matches("^[A-Ma-m]")"#,
      #"person.name.isNotNull()"#,
      #"person.birthDate.getYear() < \#(Int.random(in: 1960...1999, using: &random))"#,
      #"tags.contains("vip")"#,
      #"preferences.isNull()"#,
      #"xEvent[eventType = "\#(type)"].count() > \#(k)"#,
      #"xEvent.count() >= \#(k)"#,
      #"xEvent[eventType = "\#(type)" and timestamp occurs <= \#(days) days before now].count() >= 1"#,
      #"xEvent[timestamp occurs on yesterday].count() > 0"#,
      #"xEvent.exists(productListItems.exists(name.equals("\#(product)", false)))"#,
      #"xEvent[productListItems.name = "\#(product)"].count() > 0"#,
      #"xEvent.forall(eventType != "commerce.purchases")"#,
      #"xEvent[eventType = "commerce.purchases"].sum(commerce.order.priceTotal) > 100"#,
      #"CHAIN(xEvent, timestamp, [C0: WHAT(eventType = "commerce.productViews"), C1: WHAT(eventType = "\#(type)") WHEN(<= 24 hours after C0)])"#,
      #"CHAIN(xEvent, timestamp, [C0: WHAT(productListItems.exists(name.equals("\#(product)", false))) WHEN(<= \#(days) days before now)])"#,
      #"(select X from xEvent where X.eventType = "\#(type)")"#,
    ]
    if let id = earlier.last { families.append(#"inSegment("\#(id)")"#) }
    return random.pick(families)
  }

  /// A random expression: one condition, or two or three combined with `and`, `or`, `not`.
  static func expression(_ random: inout Random, earlier: [String]) -> String {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: return condition(&random, earlier: earlier)
    case 1:
      return "\(condition(&random, earlier: earlier)) and \(condition(&random, earlier: earlier))"
    case 2:
      return
        "\(condition(&random, earlier: earlier)) or not (\(condition(&random, earlier: earlier)))"
    default:
      return
        "(\(condition(&random, earlier: earlier)) or \(condition(&random, earlier: earlier))) and not \(condition(&random, earlier: earlier))"
    }
  }

  /// Every profile's memberships as ``SegmentEvaluator`` gives them, merged from the records.
  static func expectedMemberships(
    _ sandbox: Sandbox, policy: MergePolicy, segments: [Segment],
    before: [String: [Int64: SegmentMembership]],
    now: Int64
  ) throws -> [String: [Int64: SegmentMembership]] {
    let evaluator = try SegmentEvaluator(segments: segments)
    var result = before
    for profile in try sandbox.segmentProfiles(policy: policy) {
      var memberships: [String: SegmentMembership] = [:]
      for (id, byKey) in before { memberships[id] = byKey[profile.key] }
      let outcome = evaluator.evaluate(
        profile: profile.merged.entity, events: PQLEventList(profile.events),
        memberships: memberships,
        now: now)
      for id in outcome.changed { result[id, default: [:]][profile.key] = outcome.memberships[id] }
    }
    return result
  }

  static func storedMemberships(_ sandbox: Sandbox, _ segments: [Segment]) throws -> [String:
    [Int64: SegmentMembership]]
  {
    var result: [String: [Int64: SegmentMembership]] = [:]
    for segment in segments {
      result[segment.id] = try sandbox.segmentStore.memberships(segmentID: segment.id)
    }
    return result
  }

  @Test(arguments: 1...24)
  func theStoreAndTheProfilePathGiveTheSameMembers(seed: Int) throws {
    var random = Random(state: UInt64(seed) &* 7_919)
    let sandbox = Sandbox(
      database: try LabDatabase.inMemory(), guardrails: .init(maxIdentitiesPerGraph: 50),
      clock: { Self.now })
    let people = Int.random(in: 20...60, using: &random)
    let shapes = seed % 4 == 0
    try sandbox.ingest(
      Self.batch(
        &random, people: people, fragments: people, events: people * 3, shapes: shapes, eventBase: 0
      ))
    // A random merge policy as the default.
    let policy = try sandbox.createMergePolicy(
      name: "Random \(seed)",
      attributeMerge: random.chance(50) ? "timestampOrdered" : "dataSetPrecedence",
      datasetOrder: ["Loyalty", "CRM", "Registrations"].shuffled(using: &random),
      identityGraph: random.chance(75) ? "pdg" : "none", isDefault: true)
    var segments: [Segment] = []
    for index in 0..<5 {
      let text = Self.expression(&random, earlier: segments.map(\.id))
      let created = try sandbox.createSegment(
        SegmentDefinition(name: "Segment \(index)", expression: SegmentExpression(value: text)))
      segments.append(try sandbox.storedSegment(try #require(created.id)))
    }
    let nowMs = Int64(Self.now.timeIntervalSince1970 * 1_000)
    var expected = try Self.expectedMemberships(
      sandbox, policy: policy, segments: segments, before: [:], now: nowMs)
    let job = try sandbox.runSegmentJob()
    if ProcessInfo.processInfo.environment["DEBUG_STORE"] != nil {
      print(
        "seed \(seed): \(job.metrics["labEvaluationPath"]?.serialized() ?? "") \(job.metrics["segmentedProfileCounter"]?.serialized() ?? "") total \(job.metrics["totalProfiles"]?.serialized() ?? "")"
      )
    }
    #expect(job.status == "SUCCEEDED", "seed \(seed): \(job.errors ?? [])")
    #expect(
      try Self.storedMemberships(sandbox, segments)
        == expected.filter { !$0.value.isEmpty }.merging(
          segments.map { ($0.id, [:]) }, uniquingKeysWith: { a, _ in a }),
      "seed \(seed), first job: \(segments.map(\.expression.value))")

    // Built in short runs of graphs on every core and joined, the store is the same.
    let whole = try sandbox.buildProfileStore(policy: policy, registry: try sandbox.registry())
    let inRuns = try sandbox.buildProfileStore(
      policy: policy, registry: try sandbox.registry(), graphsPerRun: 1 + seed % 7)
    #expect(
      ProfileStoreComparison.differences(inRuns, whole) == [],
      "seed \(seed): a store built in runs differs from one built in one run")

    // A second batch changes and merges graphs: the store is patched, and the job agrees again.
    try sandbox.ingest(
      Self.batch(
        &random, people: people, fragments: people / 2, events: people, shapes: shapes,
        eventBase: 100_000))
    let before = try Self.storedMemberships(sandbox, segments)
    expected = try Self.expectedMemberships(
      sandbox, policy: policy, segments: segments, before: before, now: nowMs)
    let patched = try sandbox.profileColumnStore(policy: policy)
    #expect(patched.rebuilt == nil, "seed \(seed): the store was rebuilt rather than patched")
    let rebuilt = try sandbox.buildProfileStore(policy: policy, registry: try sandbox.registry())
    #expect(
      patched.store.keys == rebuilt.keys && patched.store.identityIDs == rebuilt.identityIDs
        && patched.store.columns.eventTimes == rebuilt.columns.eventTimes,
      "seed \(seed): patched store differs from a rebuilt one")
    _ = try sandbox.runSegmentJob()
    // A job forgets the memberships of graphs that merged into others.
    let graphs = Set(try sandbox.segmentStore.graphIDs())
    expected = expected.mapValues { $0.filter { $0.key < 0 || graphs.contains($0.key) } }
    #expect(
      try Self.storedMemberships(sandbox, segments)
        == expected.merging(segments.map { ($0.id, [:]) }, uniquingKeysWith: { a, _ in a }),
      "seed \(seed), second job: \(segments.map(\.expression.value))")

    // A third, small batch changes a few graphs: the patch is written as a delta that readers
    // lay over the store, and reads as a rebuilt store does.
    try sandbox.ingest(
      Self.batch(
        &random, people: people, fragments: 1, events: 2, shapes: shapes, eventBase: 200_000))
    let layered = try sandbox.profileColumnStore(policy: policy)
    #expect(layered.rebuilt == nil, "seed \(seed): the store was rebuilt rather than patched")
    let rebuiltAgain = try sandbox.buildProfileStore(
      policy: policy, registry: try sandbox.registry())
    #expect(
      ProfileStoreComparison.differences(layered.store, rebuiltAgain) == [],
      "seed \(seed): the layered store differs from a rebuilt one")

    // Estimates of new expressions: the store against the profile-by-profile audience.
    for _ in 0..<6 {
      let text = Self.expression(&random, earlier: segments.map(\.id))
      let expression = SegmentExpressionSource(value: text)
      let viaStore = try sandbox.previewSegment(expression: expression, limit: 10_000)
      let viaProfiles = try sandbox.audience(expression: expression)
      let registry = try sandbox.registry()
      let storeIDs = Set(
        viaStore.preview["results"]?.arrayValue?.compactMap { $0.objectValue?.keys.first } ?? [])
      let profileIDs = Set(viaProfiles.map { XID.make($0.primaryIdentity, registry: registry) })
      #expect(storeIDs == profileIDs, "seed \(seed): \(text)")
      #expect(viaStore.estimate.estimatedSize == viaProfiles.count, "seed \(seed): \(text)")
    }
  }
}
