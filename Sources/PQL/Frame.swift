import LabCore

/// The mutable state of one evaluation: the context stack, variable slots and inputs.
final class Frame {
  /// Implicit contexts: the profile first, then one element per enclosing filter.
  var contexts: [PQLValue]
  /// Variable values, by slot.
  var slots: [PQLValue]
  /// `$1`, `$2`, ….
  let parameters: [PQLValue]
  /// The profile, for `inSegment`.
  let profile: JSONValue
  /// `xEvent`.
  let events: PQLValue
  /// `now` in milliseconds since the epoch.
  let now: Int64

  init(profile: JSONValue, events: PQLValue, now: Int64, slotCount: Int) {
    let root: PQLValue
    if case .object(let members) = profile { root = .object(members) } else { root = .null }
    contexts = [root]
    contexts.reserveCapacity(8)
    slots = Array(repeating: .null, count: slotCount)
    parameters = [root]
    self.profile = profile
    self.events = events
    self.now = now
  }

  /// The context `levels` filters up.
  @inline(__always)
  func context(_ levels: Int) -> PQLValue {
    let index = contexts.count - 1 - levels
    return index >= 0 ? contexts[index] : .null
  }

  /// Start of the UTC day containing `now`.
  var today: Int64 {
    CivilCalendar.floorDiv(now, CivilCalendar.millisecondsPerDay) * CivilCalendar.millisecondsPerDay
  }
}
