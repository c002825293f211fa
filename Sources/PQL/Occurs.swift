/// The lab's exact `occurs` arithmetic (spec §5.9), all in UTC and milliseconds.
enum Occurs {
  typealias Test = @Sendable (Int64, Frame) -> Bool
  typealias PeriodCode = @Sendable (Frame) -> (start: Int64, end: Int64)?

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
    if let length = unit.fixedMilliseconds { return instant &+ Int64(count) &* length }
    return CivilCalendar.addingMonths(count * unit.months, to: instant)
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

  static func compile(_ reference: TimeReference<Node>) -> PeriodCode {
    switch reference {
    case .word(let word):
      return { frame in
        let start = instant(of: word, frame)
        return (start, word == .now ? start + 1 : start + day)
      }
    case .calendar(let offset, let unit):
      let steps = offset == .this ? 0 : offset == .last ? -1 : 1
      return { frame in
        let current = bucket(containing: frame.now, unit)
        let start = shift(current.start, by: steps, unit)
        return (start, shift(start, by: 1, unit))
      }
    case .expression(let node):
      let code = Compiler.compile(node)
      return { frame in Runtime.period(code(frame)) }
    }
  }

  /// Compiles the right-hand side of `occurs` into a test on an instant.
  static func compile(_ spec: OccursSpec<Node>) -> Test {
    switch spec {
    case .on(let reference):
      let period = compile(reference)
      return { time, frame in
        guard let (start, end) = period(frame) else { return false }
        return start <= time && time < end
      }
    case .direction(let direction, let reference):
      let period = compile(reference)
      return { time, frame in
        guard let (start, end) = period(frame) else { return false }
        return direction == .before ? time < start : time >= end
      }
    case .between(let first, let second):
      let from = compile(first)
      let to = compile(second)
      return { time, frame in
        guard let (start, _) = from(frame), let (_, end) = to(frame) else { return false }
        return start <= time && time < end
      }
    case .relative(let op, let amount, let unit, let direction, let reference):
      let period = compile(reference)
      return { time, frame in
        guard let (reference, _) = period(frame) else { return false }
        return relative(op, amount, unit, direction, time: time, reference: reference)
      }
    }
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
