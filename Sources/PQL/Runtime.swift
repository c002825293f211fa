import LabCore

/// The operations compiled queries call: path walking, comparison with coercion, arithmetic.
///
/// Every function is total: a value of the wrong kind gives null or false, never a trap.
enum Runtime {
  // MARK: - Paths

  /// Follows field names from `base`; stepping through a list projects (flattened, nulls dropped).
  static func walk(_ base: PQLValue, _ steps: [String], from start: Int = 0) -> PQLValue {
    var current = base
    var index = start
    while index < steps.count {
      switch current {
      case .object(let members):
        guard let next = members[steps[index]] else { return .null }
        return walkJSON(next, steps, from: index + 1)
      case .map(let members):
        current = members[steps[index]] ?? .null
        index += 1
      case .list(let items):
        var projected: [PQLValue] = []
        for item in items { appendFlattened(walk(item, steps, from: index), to: &projected) }
        return .list(projected)
      case .entry(let key, let value):
        current = steps[index] == "key" ? .string(key) : steps[index] == "value" ? value : .null
        index += 1
      default:
        return .null
      }
    }
    return current
  }

  /// Follows field names through input JSON without converting the parts it passes.
  static func walkJSON(_ base: JSONValue, _ steps: [String], from start: Int) -> PQLValue {
    var current = base
    var index = start
    while index < steps.count {
      switch current {
      case .object(let members):
        guard let next = members[steps[index]] else { return .null }
        current = next
        index += 1
      case .array(let items):
        var projected: [PQLValue] = []
        for item in items { appendFlattened(walkJSON(item, steps, from: index), to: &projected) }
        return .list(projected)
      default:
        return .null
      }
    }
    return PQLValue(json: current)
  }

  private static func appendFlattened(_ value: PQLValue, to list: inout [PQLValue]) {
    switch value {
    case .null: return
    case .list(let items): list.append(contentsOf: items)
    default: list.append(value)
    }
  }

  /// The elements to iterate over: a list's items, nothing for null, the value itself otherwise.
  static func elements(_ value: PQLValue) -> [PQLValue] {
    switch value {
    case .list(let items): return items
    case .null: return []
    case .map(let members):
      return members.keys.sorted().map { .entry($0, members[$0] ?? .null) }
    default: return [value]
    }
  }

  // MARK: - Comparison

  /// `a op b` with the spec's rules: null on either side is false; a list on the left compared
  /// with a scalar is existential; `b` is coerced to `a`'s type.
  static func compare(_ op: ComparisonOperator, _ left: PQLValue, _ right: PQLValue) -> Bool {
    switch (left, right) {
    case (.null, _), (_, .null): return false
    case (.list(let items), .list(let others)):
      guard op == .equal || op == .notEqual else { return false }
      let same =
        items.count == others.count
        && zip(items, others).allSatisfy { compare(.equal, $0, $1) }
      return op == .equal ? same : !same
    case (.list(let items), _):
      return items.contains { compare(op, $0, right) }
    case (.object, _), (.map, _), (_, .object), (_, .map), (.entry, _), (_, .entry):
      guard op == .equal || op == .notEqual else { return false }
      let same = left.json == right.json
      return op == .equal ? same : !same
    default:
      guard let order = ordering(left, right) else { return false }
      switch op {
      case .equal: return order == 0
      case .notEqual: return order != 0
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      case .greaterOrEqual: return order >= 0
      }
    }
  }

  /// -1, 0 or 1 after coercing `right` to `left`'s type, or `nil` when they cannot be compared.
  static func ordering(_ left: PQLValue, _ right: PQLValue) -> Int? {
    switch (left, right) {
    case (.integer(let a), .integer(let b)): return a < b ? -1 : a == b ? 0 : 1
    case (.integer, .double), (.double, .integer), (.double, .double):
      guard let a = number(left), let b = number(right) else { return nil }
      return order(a, b)
    case (.integer, .string(let text)), (.double, .string(let text)):
      guard let a = number(left), let b = Double(text.trimmingSpaces) else { return nil }
      return order(a, b)
    case (.string(let a), .string(let b)):
      if a == b { return 0 }
      return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    case (.string(let a), .integer(let b)): return stringOrder(a, String(b))
    case (.string(let a), .double(let b)): return stringOrder(a, JSONValue.number(b).serialized())
    case (.string(let a), .boolean(let b)): return stringOrder(a, b ? "true" : "false")
    case (.string(let text), .date), (.string(let text), .dateTime):
      guard let parsed = CivilCalendar.parse(text) else { return nil }
      return ordering(temporalValue(parsed), right)
    case (.date, .string(let text)), (.dateTime, .string(let text)):
      guard let parsed = CivilCalendar.parse(text) else { return nil }
      return ordering(left, temporalValue(parsed))
    case (.date(let a), .date(let b)): return order(a.daysSinceEpoch, b.daysSinceEpoch)
    case (.date, .dateTime), (.dateTime, .date), (.dateTime, .dateTime):
      guard let a = instant(left), let b = instant(right) else { return nil }
      return order(a, b)
    case (.boolean(let a), .boolean(let b)): return a == b ? 0 : (a ? 1 : -1)
    case (.boolean(let a), .string(let text)):
      switch text.lowercased() {
      case "true": return a ? 0 : -1
      case "false": return a ? 1 : 0
      default: return nil
      }
    default:
      return nil
    }
  }

  private static func stringOrder(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
  }

  private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }

  static func temporalValue(_ temporal: CivilCalendar.Temporal) -> PQLValue {
    switch temporal {
    case .date(let date): return .date(date)
    case .dateTime(let instant): return .dateTime(instant)
    }
  }

  /// The number in a numeric value.
  static func number(_ value: PQLValue) -> Double? {
    switch value {
    case .integer(let number): return Double(number)
    case .double(let number): return number
    default: return nil
    }
  }

  /// `v in list` (or `notIn`), with null and projection rules.
  static func membership(_ value: PQLValue, _ list: PQLValue, negated: Bool) -> Bool {
    if case .null = value { return false }
    if case .null = list { return false }
    let candidates = elements(list)
    if case .list(let items) = value {
      let found = items.contains { item in candidates.contains { compare(.equal, item, $0) } }
      return negated ? !found : found
    }
    let found = candidates.contains { compare(.equal, value, $0) }
    return negated ? !found : found
  }

  // MARK: - Arithmetic

  /// `a op b` for `+ - * / %`; null for a null or non-numeric operand or a division by zero.
  static func arithmetic(_ op: BinaryOperator, _ left: PQLValue, _ right: PQLValue) -> PQLValue {
    if case .integer(let a) = left, case .integer(let b) = right {
      switch op {
      case .add:
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .double(Double(a) + Double(b)) : .integer(sum)
      case .subtract:
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? .double(Double(a) - Double(b)) : .integer(difference)
      case .multiply:
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .double(Double(a) * Double(b)) : .integer(product)
      case .divide: return b == 0 ? .null : .double(Double(a) / Double(b))
      case .remainder:
        guard b != 0 else { return .null }
        let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
        return overflow ? .integer(0) : .integer(remainder)
      default: return .null
      }
    }
    guard let a = number(left), let b = number(right) else { return .null }
    switch op {
    case .add: return .double(a + b)
    case .subtract: return .double(a - b)
    case .multiply: return .double(a * b)
    case .divide: return b == 0 ? .null : .double(a / b)
    case .remainder: return b == 0 ? .null : .double(a.truncatingRemainder(dividingBy: b))
    default: return .null
    }
  }

  // MARK: - Time

  /// The instant a value denotes: a date-time, midnight of a date, or an ISO-8601 string.
  static func instant(_ value: PQLValue) -> Int64? {
    switch value {
    case .dateTime(let instant): return instant.millisecondsSinceEpoch
    case .date(let date): return date.startInstant.millisecondsSinceEpoch
    case .string(let text): return CivilCalendar.instant(text)
    default: return nil
    }
  }

  /// The period a value covers: a whole day for a date, one millisecond for an instant.
  static func period(_ value: PQLValue) -> (start: Int64, end: Int64)? {
    switch value {
    case .dateTime(let instant):
      return (instant.millisecondsSinceEpoch, instant.millisecondsSinceEpoch + 1)
    case .date(let date):
      let start = date.startInstant.millisecondsSinceEpoch
      return (start, start + CivilCalendar.millisecondsPerDay)
    case .string(let text):
      guard let parsed = CivilCalendar.parse(text) else { return nil }
      return period(temporalValue(parsed))
    default: return nil
    }
  }

  // MARK: - Strings

  /// The text of a scalar, for string functions; `nil` for null, lists and objects.
  static func text(_ value: PQLValue) -> String? {
    switch value {
    case .string(let text): return text
    case .integer(let number): return String(number)
    case .double(let number): return JSONValue.number(number).serialized()
    case .boolean(let flag): return flag ? "true" : "false"
    case .date(let date): return date.description
    case .dateTime(let instant): return instant.description
    default: return nil
    }
  }

  /// Whether `text` matches a `like` pattern (`%` any run, `_` one character), whole string.
  static func like(_ text: String, _ pattern: String) -> Bool {
    let subject = Array(text.unicodeScalars)
    let wildcard = Array(pattern.unicodeScalars)
    var s = 0
    var p = 0
    var starP = -1
    var starS = 0
    while s < subject.count {
      if p < wildcard.count, wildcard[p] == "_" || (wildcard[p] != "%" && wildcard[p] == subject[s])
      {
        s += 1
        p += 1
      } else if p < wildcard.count, wildcard[p] == "%" {
        starP = p
        starS = s
        p += 1
      } else if starP >= 0 {
        p = starP + 1
        starS += 1
        s = starS
      } else {
        return false
      }
    }
    while p < wildcard.count, wildcard[p] == "%" { p += 1 }
    return p == wildcard.count
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    var view = Substring(self)
    while view.first == " " { view.removeFirst() }
    while view.last == " " { view.removeLast() }
    return String(view)
  }
}
