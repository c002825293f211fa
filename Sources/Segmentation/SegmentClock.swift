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
    guard (0...9999).contains(year) else { return "\(year)-01-01T00:00:00Z" }
    let length = millis == 0 ? 20 : 24
    return String(unsafeUninitializedCapacity: length) { buffer in
      func put(_ value: Int64, _ digits: Int, at offset: Int) {
        var rest = value
        for position in stride(from: offset + digits - 1, through: offset, by: -1) {
          buffer[position] = UInt8(48 + rest % 10)
          rest /= 10
        }
      }
      put(year, 4, at: 0)
      buffer[4] = 45
      put(month, 2, at: 5)
      buffer[7] = 45
      put(day, 2, at: 8)
      buffer[10] = 84
      put(secondOfDay / 3600, 2, at: 11)
      buffer[13] = 58
      put(secondOfDay % 3600 / 60, 2, at: 14)
      buffer[16] = 58
      put(secondOfDay % 60, 2, at: 17)
      if millis != 0 {
        buffer[19] = 46
        put(millis, 3, at: 20)
      }
      buffer[length - 1] = 90
      return length
    }
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
