/// A parsed PQL expression, before names and functions are resolved: the parser's output.
///
/// Every node carries the location of its first token, for diagnostics.
indirect enum Syntax: Sendable {
  case string(String, SourceLocation)
  case integer(Int, SourceLocation)
  case double(Double, SourceLocation)
  case boolean(Bool, SourceLocation)
  case list([Syntax], SourceLocation)
  case object([(key: String, value: Syntax)], SourceLocation)
  /// A bare name: a variable if one is in scope, otherwise a field of the current context.
  case name(String, SourceLocation)
  /// `$n`.
  case parameter(Int, SourceLocation)
  /// `^`, `^^`, …: the context that many filter levels up.
  case up(Int, SourceLocation)
  /// `now`, `today`, `yesterday`, `tomorrow` used as a value.
  case timeWord(TimeWord, SourceLocation)
  /// `x.field`.
  case member(Syntax, String, SourceLocation)
  /// `f(args)` or `x.f(args)`; `nameLocation` points at the function name.
  case call(subject: Syntax?, name: String, arguments: [Syntax], SourceLocation)
  /// `x[condition]`.
  case filter(Syntax, Syntax, SourceLocation)
  case negate(Syntax, SourceLocation)
  case not(Syntax, SourceLocation)
  case binary(BinaryOperator, Syntax, Syntax, SourceLocation)
  case occurs(Syntax, OccursSpec<Syntax>, SourceLocation)
  case lambda([String], Syntax, SourceLocation)
  case letIn([(name: String, value: Syntax)], Syntax, SourceLocation)
  case quantified(Quantifier, [VariableDeclaration<Syntax>], SourceLocation)
  case sumOver(Syntax, VariableDeclaration<Syntax>, SourceLocation)
  case chain(events: Syntax, timestamp: [String], steps: [ChainStep<Syntax>], SourceLocation)

  /// Where the node starts.
  var location: SourceLocation {
    switch self {
    case .string(_, let location), .integer(_, let location), .double(_, let location),
      .boolean(_, let location), .list(_, let location), .object(_, let location),
      .name(_, let location), .parameter(_, let location), .up(_, let location),
      .timeWord(_, let location), .member(_, _, let location), .call(_, _, _, let location),
      .filter(_, _, let location), .negate(_, let location), .not(_, let location),
      .binary(_, _, _, let location), .occurs(_, _, let location), .lambda(_, _, let location),
      .letIn(_, _, let location), .quantified(_, _, let location), .sumOver(_, _, let location),
      .chain(_, _, _, let location):
      return location
    }
  }
}

/// A binary operator of PQL text.
enum BinaryOperator: String, Sendable, Hashable {
  case and, or
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case like, `in`, notIn

  /// The comparison this operator is, if it is one.
  var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// `exists`, `forall` or `select`.
enum Quantifier: String, Sendable, Hashable {
  case exists, forall, select
}

/// `X from A where C` inside `exists`, `forall`, `select` and `sum … over`.
struct VariableDeclaration<Expression: Sendable>: Sendable {
  var name: String
  var source: Expression
  var condition: Expression?
  var location: SourceLocation
}

/// One labelled step of `chain(...)`: `L: WHAT(c) WHEN(t) COUNT(n) WHERE(c)`.
struct ChainStep<Expression: Sendable>: Sendable {
  var label: String?
  var what: Expression
  var when: OccursSpec<Expression>?
  var count: Int
  var condition: Expression?
}

/// A relative time word.
enum TimeWord: String, Sendable, Hashable, CaseIterable {
  case now, today, yesterday, tomorrow
}

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

/// `before`, `after` (and its synonym `from`).
enum TimeDirection: String, Sendable, Hashable {
  case before, after
}

/// `this`, `last`, `next`.
enum CalendarOffset: String, Sendable, Hashable {
  case this, last, next
}

/// The time an `occurs` is measured against.
enum TimeReference<Expression: Sendable>: Sendable {
  case word(TimeWord)
  case calendar(CalendarOffset, TimeUnit)
  case expression(Expression)
}

/// The right-hand side of `occurs`, also the argument of a chain step's `WHEN`.
enum OccursSpec<Expression: Sendable>: Sendable {
  /// `CMP N UNIT before|after TIME`.
  case relative(ComparisonOperator, Int, TimeUnit, TimeDirection, TimeReference<Expression>)
  /// `before TIME`, `after TIME`.
  case direction(TimeDirection, TimeReference<Expression>)
  /// `[on] TIME`.
  case on(TimeReference<Expression>)
  /// `between TIME and TIME`.
  case between(TimeReference<Expression>, TimeReference<Expression>)
}
