/// An instant in UTC with millisecond precision, such as an event's `timestamp` or `now`.
public struct PQLDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var millisecondsSinceEpoch: Int64

  /// Creates an instant from its millisecond count.
  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// Parses an ISO-8601 date-time such as `2025-06-18T12:00:00Z`, or `nil` if it is not one.
  ///
  /// A bare date means midnight UTC; a missing offset means UTC.
  public init?(iso8601 text: String) {
    guard let temporal = CivilCalendar.parse(text) else { return nil }
    switch temporal {
    case .date(let date): self = date.startInstant
    case .dateTime(let instant): self = instant
    }
  }

  /// The calendar day this instant falls on, in UTC.
  public var date: PQLDate {
    PQLDate(
      daysSinceEpoch: Int(
        CivilCalendar.floorDiv(millisecondsSinceEpoch, CivilCalendar.millisecondsPerDay)))
  }

  /// The ISO-8601 form: `2025-06-18T12:00:00Z`, with `.SSS` only when there are milliseconds.
  public var description: String {
    let millisecondOfDay = Int(
      millisecondsSinceEpoch - Int64(date.daysSinceEpoch) * CivilCalendar.millisecondsPerDay)
    let hours = millisecondOfDay / 3_600_000
    let minutes = millisecondOfDay / 60_000 % 60
    let seconds = millisecondOfDay / 1000 % 60
    let milliseconds = millisecondOfDay % 1000
    var text = date.description + "T" + CivilCalendar.pad(hours, 2) + ":"
    text += CivilCalendar.pad(minutes, 2) + ":" + CivilCalendar.pad(seconds, 2)
    if milliseconds != 0 { text += "." + CivilCalendar.pad(milliseconds, 3) }
    return text + "Z"
  }

  /// Orders instants in time.
  public static func < (lhs: PQLDateTime, rhs: PQLDateTime) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }
}
