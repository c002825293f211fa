/// A calendar day in UTC, such as `date(2020, 3, 14)` or the XDM date `"2021-03-15"`.
///
/// Stored as the number of days since 1970-01-01, so comparing two dates is comparing integers.
public struct PQLDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var daysSinceEpoch: Int

  /// Creates a date from its day number.
  public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

  /// Creates a date from a year, a month (1–12) and a day, or `nil` when that day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
      (-9999...9999).contains(year)
    else { return nil }
    daysSinceEpoch = CivilCalendar.days(year: year, month: month, day: day)
  }

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    CivilCalendar.civil(days: daysSinceEpoch)
  }

  /// Midnight UTC at the start of this day.
  public var startInstant: PQLDateTime {
    PQLDateTime(millisecondsSinceEpoch: Int64(daysSinceEpoch) * CivilCalendar.millisecondsPerDay)
  }

  /// The ISO-8601 form, `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    return CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-"
      + CivilCalendar.pad(day, 2)
  }

  /// Orders dates by day.
  public static func < (lhs: PQLDate, rhs: PQLDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }
}
