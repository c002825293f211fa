import LabCore

/// A profile's ExperienceEvents, as `xEvent` reads them, with each `timestamp` parsed once.
public struct PQLEventList: Sendable {
  /// The events.
  let events: [JSONValue]
  /// Each event's `timestamp` string in milliseconds since the epoch, or
  /// ``ObjectPredicateTime/unknown`` when it is missing, not a string or not a date-time.
  let times: [Int64]
  /// Whether every timestamp is known and they never decrease, so `chain` need not sort.
  let isSorted: Bool
  /// Whether every timestamp is known (parsed from a string).
  let isTimed: Bool

  /// The instant of an ExperienceEvent's `timestamp` in milliseconds since the epoch, as `xEvent`
  /// reads it, or `nil` when it is missing, not a string or not a date-time.
  public static func milliseconds(ofTimestampIn event: JSONValue) -> Int64? {
    guard case .object(let members) = event, case .string(let text)? = members["timestamp"]
    else { return nil }
    return CivilCalendar.instant(text)
  }

  /// Wraps XDM ExperienceEvent objects (`timestamp`, `_id`, `eventType`, …) without copying them,
  /// parsing each `timestamp` once for every query evaluated over the list.
  public init(_ events: [JSONValue]) {
    self.events = events
    var times: [Int64] = []
    times.reserveCapacity(events.count)
    var sorted = true
    var timed = true
    var last = Int64.min
    for event in events {
      var time = ObjectPredicateTime.unknown
      if case .object(let members) = event, case .string(let text)? = members["timestamp"],
        let instant = CivilCalendar.instant(text)
      {
        time = instant
      }
      if time == ObjectPredicateTime.unknown { timed = false }
      if !timed || time < last { sorted = false }
      last = time
      times.append(time)
    }
    self.times = times
    isSorted = sorted
    isTimed = timed
  }
}
