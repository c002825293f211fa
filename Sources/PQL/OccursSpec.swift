/// A relative time word.
enum TimeWord: String, Sendable, Hashable, CaseIterable {
  case now, today, yesterday, tomorrow
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
