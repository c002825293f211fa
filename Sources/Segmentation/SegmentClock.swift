/// Conversions between milliseconds since 1970 and the ISO 8601 UTC text the Platform writes,
/// without Foundation's formatters (the engine does no I/O and stays fast).
public enum SegmentClock {
  /// `2025-06-17T03:00:00Z` (with `.SSS` when there are milliseconds).
  public static func isoString(_ milliseconds: Int64) -> String {
    let millis = ((milliseconds % 1000) + 1000) % 1000
    let seconds = (milliseconds - millis) / 1000
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var text =
      "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):"
      + "\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))"
    if millis != 0 {
      text += "." + String(String(millis + 1000).dropFirst())
    }
    return text + "Z"
  }

  /// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPart = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
    let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
