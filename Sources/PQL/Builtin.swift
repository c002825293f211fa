/// A built-in PQL function, with the shape of its calls.
///
/// `x.f(a)` and `f(x, a)` are the same call: a function that takes a subject gets it from before
/// the dot or from its first argument.
enum Builtin: String, CaseIterable, Sendable {
  // Boolean, date and segment functions called without a subject.
  case `if`, date, currentMonth, currentYear, currentDayOfMonth, inSegment, mapEntry
  // Strings.
  case startsWith, doesNotStartWith, endsWith, doesNotEndWith, contains, doesNotContain, equals
  case notEqualTo, matches, regexGroup
  // Arrays, lists and sets.
  case intersects, intersection, subsetOf, supersetOf, includes, distinct, groupBy, filter, map
  case topN, bottomN, head, exists, forall
  // Aggregation.
  case count, sum, average, min, max
  // Maps.
  case get, keys, values
  // Null.
  case isNull, isNotNull
  // Dates and times.
  case getMonth, getYear, getDayOfMonth

  /// Lower-cased name → function, for case-insensitive lookup.
  static let byLowercasedName: [String: Builtin] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })

  /// Whether the function works on a subject (`x.f()`).
  var takesSubject: Bool {
    switch self {
    case .if, .date, .currentMonth, .currentYear, .currentDayOfMonth, .inSegment, .mapEntry:
      return false
    default: return true
    }
  }

  /// How many arguments it takes besides the subject.
  var arity: ClosedRange<Int> {
    switch self {
    case .if, .date: return 3...3
    case .currentMonth, .currentYear, .currentDayOfMonth: return 0...0
    case .inSegment: return 1...1
    case .mapEntry: return 2...2
    case .startsWith, .doesNotStartWith, .endsWith, .doesNotEndWith, .contains, .doesNotContain,
      .equals, .notEqualTo:
      return 1...2
    case .matches: return 1...1
    case .regexGroup: return 2...2
    case .intersects, .intersection, .subsetOf, .supersetOf, .includes, .groupBy, .filter, .map,
      .exists, .forall, .get:
      return 1...1
    case .topN, .bottomN: return 2...2
    case .distinct, .head, .count, .keys, .values, .isNull, .isNotNull, .getMonth, .getYear,
      .getDayOfMonth:
      return 0...0
    case .sum, .average, .min, .max: return 0...1
    }
  }

  /// Whether argument `index` (after the subject) is evaluated once per element of the subject.
  func isPerElement(_ index: Int) -> Bool {
    switch self {
    case .groupBy, .filter, .map, .exists, .forall, .sum, .average, .min, .max: return index == 0
    case .topN, .bottomN: return index == 0
    default: return false
    }
  }

  /// Whether this is one of the string predicates with an optional case-sensitivity flag.
  var hasCaseFlag: Bool { arity == 1...2 }

  /// The static type of a call's result.
  var resultType: PQLType {
    switch self {
    case .if, .head, .get, .min, .max, .sum: return .unknown
    case .date: return .date
    case .currentMonth, .currentYear, .currentDayOfMonth, .count, .getMonth, .getYear,
      .getDayOfMonth:
      return .integer
    case .inSegment, .startsWith, .doesNotStartWith, .endsWith, .doesNotEndWith, .contains,
      .doesNotContain, .equals, .notEqualTo, .matches, .intersects, .subsetOf, .supersetOf,
      .includes, .exists, .forall, .isNull, .isNotNull:
      return .boolean
    case .mapEntry: return .entry
    case .regexGroup: return .string
    case .intersection, .distinct, .filter, .topN, .bottomN, .keys, .values: return .list
    case .groupBy: return .map
    case .map: return .unknown
    case .average: return .double
    }
  }
}
