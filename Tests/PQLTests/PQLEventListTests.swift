import Foundation
import LabCore
import Testing

@testable import PQL

@Suite struct PQLEventListTests {
  private let now = Date(timeIntervalSince1970: 1_750_248_000)  // 2025-06-18T12:00:00Z

  private func event(_ type: String, _ timestamp: String) -> JSONValue {
    ["eventType": .string(type), "timestamp": .string(timestamp)]
  }

  private var events: [JSONValue] {
    [
      event("view", "2025-06-18T09:00:00Z"), event("buy", "2025-06-18T10:00:00.250Z"),
      event("view", "2025-06-17T08:00:00Z"), event("buy", "2025-06-18T10:00:00.250Z"),
      event("view", "2025-06-10T08:00:00+02:00"), event("view", "2025-06-18T11:30:00Z"),
    ]
  }

  private let queries = [
    #"chain(xEvent, timestamp, [A: WHAT(eventType = "view") WHEN(<= 24 hours before now), B: WHAT(eventType = "buy") WHEN(<= 24 hours before now)])"#,
    #"chain(xEvent, timestamp, [A: WHAT(eventType = "buy"), B: WHAT(eventType = "view")])"#,
    #"chain(xEvent, timestamp, [A: WHAT(eventType = "view") WHEN(<= 3 days before now), B: WHAT(eventType = "view"), C: WHAT(eventType = "buy")])"#,
    #"xEvent[eventType = "view" and timestamp occurs <= 7 days before now].count() >= 2"#,
    #"xEvent[timestamp occurs <= 1 days before now and eventType = "buy"].count() = 2"#,
  ]

  @Test func timestampsAreParsedOnceAndOrderIsNoted() {
    let list = PQLEventList(events)
    #expect(list.times.count == 6)
    #expect(list.isTimed)
    #expect(!list.isSorted)
    #expect(PQLEventList([events[2], events[0]]).isSorted)
    let untimed = PQLEventList([event("view", "not a date"), ["eventType": "view"]])
    #expect(!untimed.isTimed && !untimed.isSorted)
    #expect(untimed.times == [ObjectPredicateTime.unknown, ObjectPredicateTime.unknown])
  }

  @Test func parsedTimesGiveTheSameAnswersInAnyOrderAsReadingEachTimestamp() throws {
    // An event with an unreadable timestamp makes the list untimed, so every query takes the
    // path that reads each event's `timestamp` itself; that event matches no step.
    let junk = event("other", "yesterday at noon")
    for text in queries {
      let query = try PQLQuery(text)
      let ordered = events.sorted {
        (PQLEventList([$0]).times.first ?? 0) < (PQLEventList([$1]).times.first ?? 0)
      }
      let reference = query.matches(profile: [:], events: events + [junk], now: now)
      #expect(query.matches(profile: [:], events: events, now: now) == reference, "\(text)")
      #expect(query.matches(profile: [:], events: ordered, now: now) == reference, "\(text)")
      #expect(
        query.matches(profile: [:], events: events.reversed(), now: now) == reference, "\(text)")
    }
    #expect(try PQLQuery(queries[0]).matches(profile: [:], events: events, now: now))
    #expect(try !PQLQuery(queries[1]).matches(profile: [:], events: [events[0]], now: now))
  }
}
