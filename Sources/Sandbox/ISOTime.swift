import Foundation
import LabCore

/// ISO 8601 date-times as XDM writes them, to and from milliseconds since 1970.
enum ISOTime {
  /// Milliseconds since 1970 for `text` such as `2024-05-01T10:00:00Z`,
  /// `2024-05-01T10:00:00.250+02:00` or `2024-05-01` (midnight UTC); `nil` if unreadable.
  static func milliseconds(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    var position = 0
    func number(_ digits: Int) -> Int? {
      guard position + digits <= bytes.count else { return nil }
      var value = 0
      for offset in 0..<digits {
        let byte = bytes[position + offset]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      position += digits
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }
    guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2),
      skip(UInt8(ascii: "-")), let day = number(2), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var millis = 0
    var offsetMinutes = 0
    if position < bytes.count {
      guard skip(UInt8(ascii: "T")) || skip(UInt8(ascii: " ")) || skip(UInt8(ascii: "t")),
        let h = number(2), skip(UInt8(ascii: ":")), let m = number(2)
      else { return nil }
      hour = h
      minute = m
      if skip(UInt8(ascii: ":")) {
        guard let s = number(2) else { return nil }
        second = s
        if skip(UInt8(ascii: ".")) {
          var scale = 100
          var digits = 0
          while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
            if digits < 3 { millis += Int(bytes[position] - 48) * scale }
            scale /= 10
            digits += 1
            position += 1
          }
          guard digits > 0 else { return nil }
        }
      }
      if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
      } else if position < bytes.count {
        let sign: Int
        if skip(UInt8(ascii: "+")) {
          sign = 1
        } else if skip(UInt8(ascii: "-")) {
          sign = -1
        } else {
          return nil
        }
        guard let oh = number(2) else { return nil }
        _ = skip(UInt8(ascii: ":"))
        guard let om = number(2) else { return nil }
        offsetMinutes = sign * (oh * 60 + om)
      }
      guard position == bytes.count, hour < 24, minute < 60, second < 61 else { return nil }
    }
    let days = CivilDays.days(year: year, month: month, day: day)
    let seconds =
      Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
      - Int64(offsetMinutes * 60)
    return seconds * 1000 + Int64(millis)
  }

  /// Milliseconds since 1970 for an ISO 8601 date-time with its time and zone
  /// (`2024-05-01T10:00:00Z`, `2024-05-01T10:00:00.250+02:00`), as XDM's `timestamp` must be;
  /// `nil` for a bare date, a missing zone or anything unreadable.
  static func dateTimeMilliseconds(_ text: String) -> Int64? {
    let utf8 = Array(text.utf8)
    guard utf8.count > 10, utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: "t"),
      let last = utf8.last,
      last == UInt8(ascii: "Z") || last == UInt8(ascii: "z")
        || utf8.count >= 6
          && (utf8[utf8.count - 6] == UInt8(ascii: "+")
            || utf8[utf8.count - 6] == UInt8(ascii: "-"))
          && utf8[utf8.count - 3] == UInt8(ascii: ":")
    else { return nil }
    return milliseconds(text)
  }

  /// RFC 3339 text in UTC for `date`, such as `2024-05-01T10:00:00Z` (whole seconds, rounded
  /// down).
  static func string(from date: Date) -> String {
    let milliseconds = Int64(date.timeIntervalSince1970.rounded(.down)) * 1000
    return text(milliseconds: milliseconds, fraction: false)
  }

  /// RFC 3339 text in UTC with milliseconds, such as `2024-05-01T10:00:00.250Z`: what the site
  /// stamps its events with, so actions in the same second keep their order.
  static func millisecondString(from date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    return text(milliseconds: milliseconds, fraction: true)
  }

  /// The RFC 3339 text of a time in milliseconds since 1970, computed directly: the generator
  /// stamps thousands of records, and a date formatter costs more than the rest of a record.
  static func text(milliseconds: Int64, fraction: Bool) -> String {
    let perDay: Int64 = 86_400_000
    var days = milliseconds / perDay
    var rest = milliseconds % perDay
    if rest < 0 {
      rest += perDay
      days -= 1
    }
    let (year, month, day) = CivilDays.civil(days: Int(days))
    let seconds = Int(rest / 1000)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let yearText = String(year)
    var text = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
    text += "-\(two(month))-\(two(day))T\(two(seconds / 3600)):"
    text += "\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    if fraction {
      let millis = Int(rest % 1000)
      text += "." + (millis < 100 ? (millis < 10 ? "00" : "0") : "") + "\(millis)"
    }
    return text + "Z"
  }
}
