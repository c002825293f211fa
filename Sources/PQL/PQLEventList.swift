import LabCore

/// A profile's ExperienceEvents, as `xEvent` reads them.
public struct PQLEventList: Sendable {
  /// The events.
  let events: [JSONValue]

  /// Wraps XDM ExperienceEvent objects (`timestamp`, `_id`, `eventType`, …); no copy is made.
  public init(_ events: [JSONValue]) {
    self.events = events
  }
}
