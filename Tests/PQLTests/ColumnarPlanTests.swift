import LabCore
import Testing

@testable import PQL

/// A query over ``PQLColumns`` must answer exactly as the same query over the JSON the columns
/// stand for, whether it runs on the columns or falls back to JSON.
@Suite struct ColumnarPlanTests {
  static let now = PQLDateTime(millisecondsSinceEpoch: 1_750_248_000_000)  // 2025-06-18T12:00Z

  /// Random profiles and events: values repeat (so columns are dictionaries), some fields are
  /// absent or null, one holds arrays, and event times cluster so ties and out-of-order
  /// events occur.
  static func columns(profiles: Int, seed: UInt64) -> PQLColumns {
    var random = SplitMix64(state: seed)
    var columns = PQLColumns(profileCount: profiles)
    func column(_ path: [String], _ values: [JSONValue], rows: Int) -> PQLColumns.Column {
      PQLColumns.Column(
        path: path, values: values,
        codes: (0..<rows).map { _ in
          let code = Int.random(in: 0...values.count, using: &random)
          return code == values.count ? PQLColumns.Column.missing : UInt32(code)
        })
    }
    columns.profileColumns = [
      column(["person", "gender"], ["male", "female", "not_specified"], rows: profiles),
      column(["person", "name", "firstName"], ["Ana", "Ben", "Chloé", .null], rows: profiles),
      column(
        ["homeAddress", "city"], ["Brussels", "Bruges", "Antwerp", "BRUSSELS"], rows: profiles),
      column(["loyalty", "level"], ["Gold", "Silver", .null], rows: profiles),
      column(["loyalty", "points"], [0, 250, 1200, 5000.5], rows: profiles),
    ]
    columns.memberships["attr"] = (0..<profiles).map { _ in Bool.random(using: &random) }
    var times: [Int64] = []
    for row in 0..<profiles {
      let count = Int.random(in: 0...10, using: &random)
      for _ in 0..<count {
        let hours = Int64.random(in: -120...2, using: &random)
        times.append(now.millisecondsSinceEpoch + hours * 3_600_000)
      }
      columns.eventStarts[row + 1] = times.count
    }
    columns.eventTimes = times
    columns.eventColumns = [
      column(
        ["eventType"], ["commerce.productViews", "commerce.purchases", "web.webpagedetails"],
        rows: times.count),
      column(
        ["productListItems"],
        [[["name": "Montana Wind Jacket"]], [["name": "Zeppelin Yoga Pant"]]], rows: times.count),
    ]
    return columns
  }

  /// The expression, and whether it runs on the columns themselves.
  static let cases: [(pql: String, columnar: Bool)] = [
    (#"person.gender = "male""#, true),
    (#"homeAddress.city.contains("BRU", false)"#, true),
    (#"homeAddress.city.startsWith("Bru")"#, true),
    (#"person.name.firstName.isNull()"#, true),
    (#"not (loyalty.level = "Gold") or loyalty.points > 1000"#, true),
    (#"loyalty.points >= 250 and loyalty.points < 5000"#, true),
    (#"person.gender in ["male", "female"] and homeAddress.city != "Antwerp""#, true),
    (#"inSegment("attr") and loyalty.level = "Gold""#, true),
    (#"not inSegment("attr")"#, true),
    (#"inSegment("unknown")"#, true),
    (#"nothing.here = "x""#, true),
    (
      #"xEvent[eventType = "commerce.productViews" and timestamp occurs <= 7 days before now].count() >= 3"#,
      true
    ),
    (#"xEvent[timestamp occurs <= 24 hours before now].count() = 0"#, true),
    (#"xEvent[not (eventType = "web.webpagedetails")].count() > 4"#, true),
    // Every form of `occurs` on the event times, against the JSON path's arithmetic.
    (#"xEvent[timestamp occurs = 2 days before today].count() > 0"#, true),
    (#"xEvent[timestamp occurs != 1 day before today].count() > 6"#, true),
    (#"xEvent[timestamp occurs < 24 hours before now].count() >= 1"#, true),
    (#"xEvent[timestamp occurs > 3 days before now].count() > 3"#, true),
    (#"xEvent[timestamp occurs >= 2 days before now].count() > 3"#, true),
    (#"xEvent[timestamp occurs <= 1 hours after now].count() >= 1"#, true),
    (#"xEvent[timestamp occurs > 1 hours after now].count() = 0"#, true),
    (#"xEvent[timestamp occurs = 1 hours after now].count() >= 1"#, true),
    (#"xEvent[timestamp occurs >= 0 days after today].count() >= 2"#, true),
    (#"xEvent[timestamp occurs < 2 weeks before now].count() > 8"#, true),
    (#"xEvent[timestamp occurs on yesterday].count() > 1"#, true),
    (#"xEvent[timestamp occurs on today].count() >= 2"#, true),
    (#"xEvent[timestamp occurs before yesterday].count() > 5"#, true),
    (#"xEvent[timestamp occurs after yesterday].count() >= 2"#, true),
    (#"xEvent[timestamp occurs on this week].count() >= 3"#, true),
    (#"xEvent[timestamp occurs between yesterday and today].count() >= 3"#, true),
    (#"xEvent[timestamp occurs last week].count() >= 2"#, true),
    (#"xEvent[timestamp occurs < 1 months before now].count() >= 5"#, true),
    (
      #"chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") WHEN(<= 24 hours before now), B: WHAT(eventType = "commerce.purchases") WHEN(<= 24 hours before now)])"#,
      true
    ),
    (
      #"chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productViews") COUNT(2), B: WHAT(eventType = "commerce.purchases")])"#,
      true
    ),
    (
      #"not(chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.purchases") WHEN(<= 3 days before now)]))"#,
      true
    ),
    (#"person.gender = "female" and xEvent[eventType = "commerce.purchases"].count() >= 1"#, true),
    // Every event, and the quantifiers over events.
    (#"xEvent.count() > 5"#, true),
    // Any condition on one field, by the general code when the fast one does not take it.
    (#"if(person.gender = "male", 1, 0) = 1"#, true),
    // A path through an array of objects is tested on the array's column, once per distinct
    // array.
    (#"xEvent[productListItems.name = "Montana Wind Jacket"].count() > 0"#, true),
    (#"xEvent.exists(productListItems.exists(name.equals("montana wind jacket", false)))"#, true),
    (#"xEvent.exists(eventType = "commerce.purchases")"#, true),
    (
      #"xEvent[timestamp occurs <= 7 days before now].exists(eventType = "commerce.purchases")"#,
      true
    ),
    (#"xEvent.forall(eventType != "commerce.purchases")"#, true),
    (
      #"xEvent[eventType = "commerce.productViews"].forall(timestamp occurs <= 3 days before now)"#,
      true
    ),
    (#"not xEvent.exists(eventType = "web.webpagedetails")"#, true),
    (#"xEvent.exists(e => e.eventType = "commerce.purchases")"#, false),
    // Memberships read as fields, variables and whole-list functions need the JSON: the plan
    // falls back, with the same answers.
    (#"segmentMembership.ups.attr.status = "realized""#, false),
    (
      #"select X from xEvent where X.eventType = "commerce.productViews" and X.productListItems.name = "Zeppelin Yoga Pant""#,
      false
    ),
  ]

  @Test(arguments: [11, 12])
  func everyQueryAnswersAsOnTheJSONTheColumnsStandFor(seed: UInt64) throws {
    let columns = Self.columns(profiles: 400, seed: seed)
    for (pql, columnar) in Self.cases {
      let query = try PQLQuery(pql)
      let plan = query.plan(for: columns, now: Self.now)
      #expect(plan.isColumnar == columnar, "\(pql)")
      var qualified = 0
      for row in 0..<columns.profileCount {
        let expected = query.matches(
          profile: columns.profile(at: row), events: PQLEventList(columns.events(at: row)),
          now: Self.now)
        #expect(plan.matches(row) == expected, "\(pql), profile \(row)")
        if expected { qualified += 1 }
      }
      // Each case is decided both ways on this data, or it would prove little.
      if !pql.contains("unknown") && !pql.contains("nothing") {
        #expect(qualified > 0 && qualified < columns.profileCount, "\(pql): \(qualified)")
      }
    }
  }

  /// Asserts that every row of `columns` answers `pql` as the JSON they make does, and that the
  /// plan took the JSON path.
  static func expectFallsBackWithTheSameAnswers(_ pql: String, _ columns: PQLColumns) throws {
    let query = try PQLQuery(pql)
    let plan = query.plan(for: columns, now: now)
    #expect(!plan.isColumnar, "\(pql)")
    for row in 0..<columns.profileCount {
      let expected = query.matches(
        profile: columns.profile(at: row), events: PQLEventList(columns.events(at: row)), now: now)
      #expect(plan.matches(row) == expected, "\(pql), profile \(row)")
    }
  }

  @Test func overlappingColumnsGoToJSON() throws {
    var columns = PQLColumns(profileCount: 2)
    columns.profileColumns = [
      .init(path: ["person"], values: [["gender": "male"]], codes: [0, 0]),
      .init(
        path: ["person", "gender"], values: ["female"], codes: [PQLColumns.Column.missing, 0]),
    ]
    try Self.expectFallsBackWithTheSameAnswers(#"person.gender = "male""#, columns)
    try Self.expectFallsBackWithTheSameAnswers(#"person.isNull()"#, columns)
  }

  @Test func anEventFieldNamedTimestampGoesToJSON() throws {
    var columns = PQLColumns(profileCount: 1)
    columns.eventStarts = [0, 1]
    columns.eventTimes = [Self.now.millisecondsSinceEpoch - 3_600_000]
    columns.eventColumns = [
      .init(path: ["timestamp"], values: ["2000-01-01T00:00:00Z"], codes: [0])
    ]
    try Self.expectFallsBackWithTheSameAnswers(
      #"xEvent[timestamp occurs <= 24 hours before now].count() > 0"#, columns)
  }

  @Test func aProfileFieldUnderSegmentMembershipGoesToJSON() throws {
    var columns = PQLColumns(profileCount: 1)
    columns.profileColumns = [
      .init(path: ["segmentMembership", "ups", "s", "status"], values: ["existing"], codes: [0])
    ]
    try Self.expectFallsBackWithTheSameAnswers(#"inSegment("s")"#, columns)
  }

  @Test func anEventTimeBeforeTheYearZeroGoesToJSON() throws {
    var columns = PQLColumns(profileCount: 1)
    columns.eventStarts = [0, 1]
    columns.eventTimes = [-62_200_000_000_000]
    try Self.expectFallsBackWithTheSameAnswers(
      #"xEvent[timestamp occurs before today].count() > 0"#, columns)
  }

  @Test func columnsBecomeTheXDMObjectsTheyStandFor() {
    var columns = PQLColumns(profileCount: 2)
    columns.profileColumns = [
      .init(path: ["person", "gender"], values: ["male"], codes: [0, PQLColumns.Column.missing]),
      .init(path: ["person", "name", "firstName"], values: ["Ana"], codes: [0, 0]),
    ]
    columns.memberships["s1"] = [true, false]
    columns.eventStarts = [0, 1, 1]
    columns.eventTimes = [1_750_248_000_000]
    columns.eventColumns = [.init(path: ["eventType"], values: ["web.webpagedetails"], codes: [0])]
    #expect(
      columns.profile(at: 0)
        == [
          "person": ["gender": "male", "name": ["firstName": "Ana"]],
          "segmentMembership": ["ups": ["s1": ["status": "realized"]]],
        ])
    #expect(columns.profile(at: 1) == ["person": ["name": ["firstName": "Ana"]]])
    #expect(
      columns.events(at: 0)
        == [["timestamp": "2025-06-18T12:00:00Z", "eventType": "web.webpagedetails"]])
    #expect(columns.events(at: 1).isEmpty)
  }
}
