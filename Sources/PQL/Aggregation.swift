/// Aggregates over lists: `sum`, `average`, `min`, `max`, and the ranking functions.
enum Aggregation {
  /// The sum of the numbers (others skipped); an integer when every number is, 0 when empty.
  static func sum(_ values: [PQLValue]) -> PQLValue {
    var integerTotal = 0
    var doubleTotal = 0.0
    var isInteger = true
    for value in values {
      switch value {
      case .integer(let number):
        if isInteger {
          let (total, overflow) = integerTotal.addingReportingOverflow(number)
          if overflow {
            isInteger = false
            doubleTotal = Double(integerTotal) + Double(number)
          } else {
            integerTotal = total
          }
        } else {
          doubleTotal += Double(number)
        }
      case .double(let number):
        if isInteger {
          isInteger = false
          doubleTotal = Double(integerTotal)
        }
        doubleTotal += number
      default:
        continue
      }
    }
    return isInteger ? .integer(integerTotal) : .double(doubleTotal)
  }

  /// The mean of the numbers, or null when there are none.
  static func average(_ values: [PQLValue]) -> PQLValue {
    let numbers = values.compactMap(Runtime.number)
    guard !numbers.isEmpty else { return .null }
    return .double(numbers.reduce(0, +) / Double(numbers.count))
  }

  /// The smallest (or largest) value among comparable ones, or null when there are none.
  static func extreme(_ values: [PQLValue], largest: Bool) -> PQLValue {
    var best: PQLValue?
    for value in values where !value.isNull {
      if case .list = value { continue }
      guard let current = best else {
        best = value
        continue
      }
      guard let order = Runtime.ordering(value, current) else { continue }
      if largest ? order > 0 : order < 0 { best = value }
    }
    return best ?? .null
  }

  /// The `count` elements with the highest (or lowest) keys; ties keep input order.
  static func ranked(
    _ elements: [PQLValue], keys: [PQLValue], count: Int, highest: Bool
  ) -> PQLValue {
    guard count > 0 else { return .list([]) }
    var keyed: [(offset: Int, key: Double, element: PQLValue)] = []
    for (offset, element) in elements.enumerated() {
      guard let key = Runtime.number(keys[offset]) else { continue }
      keyed.append((offset, key, element))
    }
    keyed.sort {
      if $0.key != $1.key { return highest ? $0.key > $1.key : $0.key < $1.key }
      return $0.offset < $1.offset
    }
    return .list(keyed.prefix(count).map(\.element))
  }
}
