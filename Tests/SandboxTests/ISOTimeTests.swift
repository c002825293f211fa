import Foundation
import Testing

@testable import Sandbox

@Suite struct ISOTimeTests {
  /// The reference: Foundation's formatter, in UTC.
  static func reference(_ date: Date, fraction: Bool) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    if fraction { formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds] }
    return formatter.string(from: date)
  }

  @Test func theComputedTextEqualsFoundationsFormatterOverTwoCenturies() {
    var random = SeededRandom(seed: 42)
    var dates = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
      Date(timeIntervalSince1970: 1_711_929_600.999), Date(timeIntervalSince1970: -1),
    ]
    for _ in 0..<2000 {
      let milliseconds = Double(random.next() % 8_000_000_000_000) - 2_000_000_000_000
      dates.append(Date(timeIntervalSince1970: milliseconds / 1000))
    }
    for date in dates {
      #expect(ISOTime.string(from: date) == Self.reference(date, fraction: false), "\(date)")
      #expect(
        ISOTime.millisecondString(from: date) == Self.reference(date, fraction: true), "\(date)")
    }
  }
}
