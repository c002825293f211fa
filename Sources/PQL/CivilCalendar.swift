import LabCore

/// Proleptic Gregorian calendar arithmetic in UTC, and a fast ISO-8601 reader.
///
/// Written by hand, without Foundation's calendars, so evaluating a time window over millions of
/// events stays cheap and gives the same answer on every machine.
enum CivilCalendar {
  static let millisecondsPerDay: Int64 = 86_400_000

  /// A date or a date-time read from text.
  enum Temporal {
    case date(PQLDate)
    case dateTime(PQLDateTime)
  }

  /// Days since 1970-01-01 for a civil date.
  static func days(year: Int, month: Int, day: Int) -> Int {
    CivilDays.days(year: year, month: month, day: day)
  }

  /// The civil date for a day number.
  static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
    CivilDays.civil(days: days)
  }

  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  /// Adds calendar months to an instant, clamping the day to the end of the target month.
  static func addingMonths(_ months: Int, to instant: Int64) -> Int64 {
    let day = floorDiv(instant, millisecondsPerDay)
    let timeOfDay = instant - day * millisecondsPerDay
    let (year, month, dayOfMonth) = civil(days: Int(day))
    let total = year * 12 + (month - 1) + months
    let newYear = Int(floorDiv(Int64(total), 12))
    let newMonth = total - newYear * 12 + 1
    let newDay = min(dayOfMonth, daysIn(month: newMonth, year: newYear))
    return Int64(days(year: newYear, month: newMonth, day: newDay)) * millisecondsPerDay + timeOfDay
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded =
      digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
  }

  /// The instant of an ISO-8601 date (its midnight) or date-time, or `nil`.
  @inline(__always)
  static func instant(_ text: String) -> Int64? {
    switch parse(text) {
    case .date(let date): return date.startInstant.millisecondsSinceEpoch
    case .dateTime(let instant): return instant.millisecondsSinceEpoch
    case nil: return nil
    }
  }

  /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM]` (a space may replace `T`).
  static func parse(_ text: String) -> Temporal? {
    var copy = text
    return copy.withUTF8 { parse(bytes: $0) }
  }

  // Parsing over raw bytes keeps a timestamp read at tens of nanoseconds.
  private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Temporal? {
    let count = bytes.count
    guard count >= 10 else { return nil }
    func digits(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= count else { return nil }
      var value = 0
      for index in start..<(start + length) {
        let byte = bytes[index]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = digits(0, 4), bytes[4] == 45, let month = digits(5, 2), bytes[7] == 45,
      let day = digits(8, 2), (1...12).contains(month), day >= 1,
      day <= daysIn(month: month, year: year)
    else { return nil }
    let dayNumber = days(year: year, month: month, day: day)
    if count == 10 { return .date(PQLDate(daysSinceEpoch: dayNumber)) }
    guard bytes[10] == 84 || bytes[10] == 32 || bytes[10] == 116, let hour = digits(11, 2),
      count > 13, bytes[13] == 58, let minute = digits(14, 2), hour < 24, minute < 60
    else { return nil }
    var index = 16
    var second = 0
    var millisecond = 0
    if index < count, bytes[index] == 58 {
      guard let value = digits(index + 1, 2), value < 61 else { return nil }
      second = value
      index += 3
      if index < count, bytes[index] == 46 || bytes[index] == 44 {
        index += 1
        var scale = 100
        let start = index
        while index < count, bytes[index] >= 48, bytes[index] <= 57 {
          millisecond += Int(bytes[index] - 48) * scale
          scale /= 10
          index += 1
        }
        guard index > start else { return nil }
      }
    }
    var offsetMinutes = 0
    if index < count {
      let sign = bytes[index]
      if sign == 90 || sign == 122 {
        index += 1
      } else if sign == 43 || sign == 45 {
        guard let hours = digits(index + 1, 2) else { return nil }
        index += 3
        if index < count, bytes[index] == 58 { index += 1 }
        guard let minutes = digits(index, 2) else { return nil }
        index += 2
        offsetMinutes = (hours * 60 + minutes) * (sign == 45 ? -1 : 1)
      } else {
        return nil
      }
    }
    guard index == count else { return nil }
    let milliseconds =
      Int64(dayNumber) * millisecondsPerDay
      + Int64(((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millisecond)
    return .dateTime(PQLDateTime(millisecondsSinceEpoch: milliseconds))
  }
}
