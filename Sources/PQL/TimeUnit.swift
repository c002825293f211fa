/// A calendar unit of `occurs`, `this`/`last`/`next` and `N units before`.
enum TimeUnit: String, Sendable, Hashable, CaseIterable {
  case millisecond, second, minute, hour, day, week, month, year, decade, century, millennium

  /// Every spelling PQL accepts, singular and plural.
  static let spellings: [String: TimeUnit] = {
    var table: [String: TimeUnit] = [:]
    for unit in allCases {
      table[unit.rawValue] = unit
      table[unit.rawValue + "s"] = unit
    }
    table["centurys"] = nil
    table["millenniums"] = nil
    table["centuries"] = .century
    table["millennia"] = .millennium
    return table
  }()

  /// A fixed length in milliseconds, or `nil` for calendar units (months and longer).
  var fixedMilliseconds: Int64? {
    switch self {
    case .millisecond: return 1
    case .second: return 1000
    case .minute: return 60_000
    case .hour: return 3_600_000
    case .day: return 86_400_000
    case .week: return 604_800_000
    case .month, .year, .decade, .century, .millennium: return nil
    }
  }

  /// The length in months for calendar units.
  var months: Int {
    switch self {
    case .month: return 1
    case .year: return 12
    case .decade: return 120
    case .century: return 1200
    case .millennium: return 12_000
    default: return 0
    }
  }
}
