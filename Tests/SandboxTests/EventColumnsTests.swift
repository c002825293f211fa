import Foundation
import LabCore
import PQL
import Testing

@testable import Sandbox

/// New events as columns, made in shares on every core and joined: each event reads back as
/// it was written.
struct EventColumnsTests {
  /// Event `index`: fields that come and go, some only in the second half, values of several
  /// types.
  static func event(_ index: Int) -> JSONValue {
    var event: [String: JSONValue] = [
      "_id": .string("e\(index)"),
      "timestamp": .string(
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(index) * 61))),
      "eventType": .string(["a", "b", "c"][index % 3]),
    ]
    if index % 4 == 0 {
      event["productListItems"] = .array([["name": .string("P\(index % 5)")]])
    }
    if index > 900 { event["late"] = ["value": .number(Double(index))] }
    if index % 7 == 0 { event["flag"] = .bool(index % 2 == 0) }
    return .object(event)
  }

  @Test func eventsMadeOnEveryCoreReadBackInOrder() throws {
    let count = 1_200
    let added = try #require(
      EventColumns(parsing: (0..<count).map { Self.event($0).serialized() }))
    #expect(added.times.count == count)
    var columns = PQLColumns(profileCount: 1)
    columns.eventColumns = added.columns
    columns.eventTimes = added.times
    columns.eventStarts = [0, count]
    for (index, event) in columns.events(at: 0).enumerated() {
      var members = event.objectValue ?? [:]
      members["timestamp"] = nil
      var expected = Self.event(index).objectValue ?? [:]
      expected["timestamp"] = nil
      #expect(members == expected, "event \(index)")
      #expect(added.times[index] == Int64(index) * 61_000)
    }
  }

  @Test func anEventWithoutATimeMakesNoColumns() {
    var texts = (0..<600).map { Self.event($0).serialized() }
    texts[550] = #"{"_id": "x", "timestamp": "yesterday"}"#
    #expect(EventColumns(parsing: texts) == nil)
  }
}
