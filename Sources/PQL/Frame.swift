import LabCore

/// The mutable state of one evaluation: the context stack, variable slots and inputs.
///
/// One frame serves one evaluation on one thread, so its stored properties skip Swift's dynamic
/// exclusivity checks, which would otherwise cost more than the work on hot paths.
final class Frame {
  /// The profile as the outermost implicit context (`$1`).
  let root: PQLValue
  /// Elements pushed by enclosing filters, innermost last.
  @exclusivity(unchecked) var stack: [PQLValue] = []
  /// Variable values, by slot.
  @exclusivity(unchecked) var slots: [PQLValue]
  /// The profile, for `inSegment`.
  let profile: JSONValue
  /// The events as given; converted to a list only when `xEvent` is read as a whole.
  let eventJSON: [JSONValue]
  /// Each event's parsed `timestamp` (``PQLEventList/times``).
  let eventTimes: [Int64]
  /// Whether `eventTimes` are all known and in order.
  let eventsSorted: Bool
  /// Whether `eventTimes` are all known.
  let eventsTimed: Bool
  @exclusivity(unchecked) private var eventList: PQLValue?
  /// `now` in milliseconds since the epoch.
  let now: Int64

  init(profile: JSONValue, events: PQLEventList, now: Int64, slotCount: Int) {
    if case .object(let members) = profile { root = .object(members) } else { root = .null }
    slots = slotCount == 0 ? [] : Array(repeating: .null, count: slotCount)
    self.profile = profile
    eventJSON = events.events
    eventTimes = events.times
    eventsSorted = events.isSorted
    eventsTimed = events.isTimed
    self.now = now
  }

  /// The current implicit context: the innermost filter element, or the profile.
  @inline(__always)
  var current: PQLValue { stack.last ?? root }

  /// The context `levels` filters up.
  @inline(__always)
  func context(_ levels: Int) -> PQLValue {
    let index = stack.count - 1 - levels
    if index >= 0 { return stack[index] }
    return index == -1 ? root : .null
  }

  /// `$n`: the profile for `$1`, null otherwise.
  func parameter(_ position: Int) -> PQLValue { position == 1 ? root : .null }

  /// `xEvent` as a list.
  var events: PQLValue {
    if let eventList { return eventList }
    let list = PQLValue.list(eventJSON.map(PQLValue.init(json:)))
    eventList = list
    return list
  }

  /// Start of the UTC day containing `now`.
  var today: Int64 {
    CivilCalendar.floorDiv(now, CivilCalendar.millisecondsPerDay) * CivilCalendar.millisecondsPerDay
  }
}
