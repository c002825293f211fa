import Identities
import LabCore
import Testing

@testable import Profiles

@Suite struct EventSelectionTests {
  func event(_ id: String, _ time: Int64) -> ExperienceEvent {
    ExperienceEvent(
      id: id, timestamp: time, datasetID: "web", batchID: "b", order: time,
      primaryIdentity: Identity(namespace: "ECID", id: "1"), entity: ["_id": .string(id)])
  }

  @Test func eventsAreOrderedWindowedAndLimited() {
    let events = [event("c", 30), event("a", 10), event("b", 20)]
    #expect(EventSelection().apply(to: events).events.map(\.id) == ["a", "b", "c"])
    #expect(
      EventSelection(newestFirst: true).apply(to: events).events.map(\.id) == ["c", "b", "a"])
    #expect(EventSelection(startTime: 20, endTime: 30).apply(to: events).events.map(\.id) == ["b"])
    let limited = EventSelection(limit: 2).apply(to: events)
    #expect(limited.events.count == 2)
    #expect(limited.hasMore)
  }
}
