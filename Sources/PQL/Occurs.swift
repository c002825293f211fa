/// The lab's exact `occurs` arithmetic (spec §5.9), all in UTC and milliseconds.
enum Occurs {
  /// Tests an instant (first) at `now` (second); the frame is needed only by
  /// ``needsFrame(_:)`` specs.
  typealias Test = @Sendable (Int64, Int64, Frame?) -> Bool
  /// The period of a reference time at `now`.
  typealias PeriodCode = @Sendable (Int64, Frame?) -> (start: Int64, end: Int64)?

  static let day = CivilCalendar.millisecondsPerDay

  /// The instant of `now`, `today`, `yesterday` or `tomorrow`.
  static func instant(of word: TimeWord, _ frame: Frame) -> Int64 {
    switch word {
    case .now: return frame.now
    case .today: return frame.today
    case .yesterday: return frame.today - day
    case .tomorrow: return frame.today + day
    }
  }

  /// Moves an instant by `count` units: fixed lengths up to weeks, calendar months beyond.
  static func shift(_ instant: Int64, by count: Int, _ unit: TimeUnit) -> Int64 {
    if let length = unit.fixedMilliseconds {
      // Saturate far beyond any real date instead of overflowing.
      let bound = Int64.max / 4
      let (span, overflow) = Int64(count).multipliedReportingOverflow(by: length)
      let clamped =
        overflow ? (count < 0 ? -bound : bound) : Swift.min(Swift.max(span, -bound), bound)
      return Swift.min(Swift.max(instant + clamped, -bound), bound)
    }
    // Beyond a million years every comparison has the same answer, so clamp before the
    // calendar arithmetic, which would otherwise overflow.
    let limit = 12_000_000
    let (months, overflow) = count.multipliedReportingOverflow(by: unit.months)
    let clamped =
      overflow ? (count < 0 ? -limit : limit) : Swift.min(Swift.max(months, -limit), limit)
    return CivilCalendar.addingMonths(clamped, to: instant)
  }

  /// The calendar unit containing `instant`.
  static func bucket(containing instant: Int64, _ unit: TimeUnit) -> (start: Int64, end: Int64) {
    let start: Int64
    switch unit {
    case .millisecond, .second, .minute, .hour, .day:
      let length = unit.fixedMilliseconds ?? 1
      start = CivilCalendar.floorDiv(instant, length) * length
    case .week:
      let days = CivilCalendar.floorDiv(instant, day)
      let mondayOffset = ((days + 3) % 7 + 7) % 7
      start = (days - mondayOffset) * day
    case .month, .year, .decade, .century, .millennium:
      let (year, month, _) = CivilCalendar.civil(days: Int(CivilCalendar.floorDiv(instant, day)))
      let span = unit.months / 12
      let startYear =
        span == 0 ? year : Int(CivilCalendar.floorDiv(Int64(year), Int64(span))) * span
      let startMonth = unit == .month ? month : 1
      start = Int64(CivilCalendar.days(year: startYear, month: startMonth, day: 1)) * day
    }
    return (start, shift(start, by: 1, unit))
  }

  /// Compiles a reference time into its period; only expression references read the frame.
  static func compile(_ reference: TimeReference<Node>) -> PeriodCode {
    switch reference {
    case .word(let word):
      return { now, _ in
        let today = CivilCalendar.floorDiv(now, day) * day
        switch word {
        case .now: return (now, now + 1)
        case .today: return (today, today + day)
        case .yesterday: return (today - day, today)
        case .tomorrow: return (today + day, today + 2 * day)
        }
      }
    case .calendar(let offset, let unit):
      let steps = offset == .this ? 0 : offset == .last ? -1 : 1
      return { now, _ in
        let start = shift(bucket(containing: now, unit).start, by: steps, unit)
        return (start, shift(start, by: 1, unit))
      }
    case .expression(.constant(let value)):
      let fixed = Runtime.period(value)
      return { _, _ in fixed }
    case .expression(let node):
      let code = Compiler.compile(node)
      return { _, frame in frame.flatMap { Runtime.period(code($0)) } }
    }
  }

  /// Whether evaluating the spec needs the frame (a reference that is not a word or constant).
  static func needsFrame(_ spec: OccursSpec<Node>) -> Bool {
    func dynamic(_ reference: TimeReference<Node>) -> Bool {
      if case .expression(let node) = reference {
        if case .constant = node { return false }
        return true
      }
      return false
    }
    switch spec {
    case .relative(_, _, _, _, let reference), .direction(_, let reference), .on(let reference):
      return dynamic(reference)
    case .between(let first, let second): return dynamic(first) || dynamic(second)
    }
  }

  /// Compiles the right-hand side of `occurs` into a test on an instant at `now`.
  static func compile(_ spec: OccursSpec<Node>) -> Test {
    switch spec {
    case .on(let reference):
      let period = compile(reference)
      return { time, now, frame in
        guard let (start, end) = period(now, frame) else { return false }
        return start <= time && time < end
      }
    case .direction(let direction, let reference):
      let period = compile(reference)
      return { time, now, frame in
        guard let (start, end) = period(now, frame) else { return false }
        return direction == .before ? time < start : time >= end
      }
    case .between(let first, let second):
      let from = compile(first)
      let to = compile(second)
      return { time, now, frame in
        guard let (start, _) = from(now, frame), let (_, end) = to(now, frame) else { return false }
        return start <= time && time < end
      }
    case .relative(let op, let amount, let unit, let direction, let reference):
      let period = compile(reference)
      return { time, now, frame in
        guard let (reference, _) = period(now, frame) else { return false }
        return relative(op, amount, unit, direction, time: time, reference: reference)
      }
    }
  }

  /// Whether `test` holds for the instant a value denotes, or for any element of a list.
  static func holds(_ value: PQLValue, _ now: Int64, _ frame: Frame?, _ test: Test) -> Bool {
    if case .list(let items) = value {
      return items.contains { item in Runtime.instant(item).map { test($0, now, frame) } ?? false }
    }
    guard let instant = Runtime.instant(value) else { return false }
    return test(instant, now, frame)
  }

  /// `T occurs CMP N UNIT before|after R`.
  static func relative(
    _ op: ComparisonOperator, _ amount: Int, _ unit: TimeUnit, _ direction: TimeDirection,
    time: Int64, reference: Int64
  ) -> Bool {
    if direction == .before {
      guard time <= reference else { return false }
      let bound = shift(reference, by: -amount, unit)
      let inBucket = bound <= time && time < shift(bound, by: 1, unit)
      switch op {
      case .lessOrEqual: return bound <= time
      case .less: return bound < time
      case .greaterOrEqual: return time <= bound
      case .greater: return time < bound
      case .equal: return inBucket
      case .notEqual: return !inBucket
      }
    }
    guard time >= reference else { return false }
    let bound = shift(reference, by: amount, unit)
    let inBucket = bound <= time && time < shift(bound, by: 1, unit)
    switch op {
    case .lessOrEqual: return time <= bound
    case .less: return time < bound
    case .greaterOrEqual: return time >= bound
    case .greater: return time > bound
    case .equal: return inBucket
    case .notEqual: return !inBucket
    }
  }
}
