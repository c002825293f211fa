extension PQLQuery {
  /// Prepares the query for every profile of `columns` at `now`.
  ///
  /// When the query reads only what the columns hold (fields that are columns, `inSegment`,
  /// `xEvent[…].count()` compared with a number, `chain` over `xEvent` by `timestamp`, and
  /// `and`, `or`, `not` of those), it is compiled to tests on the columns: each condition on a
  /// field is evaluated once per distinct value, by the same code that evaluates it on JSON.
  /// Otherwise the plan makes each profile and its events into JSON and evaluates them as
  /// ``matches(profile:events:now:)-(_,PQLEventList,_)`` does. Either way the answers are the
  /// same. Columns that overlap (one path inside another), an event field named `timestamp`, a
  /// profile field under `segmentMembership` or an event time outside years 0000 to 9999 also
  /// send every query to JSON, since only the JSON says what they mean together.
  public func plan(for columns: PQLColumns, now: PQLDateTime) -> PQLColumnarPlan {
    let compiler = ColumnarCompiler(columns: columns, now: now.millisecondsSinceEpoch)
    if ColumnarCompiler.standsAlone(columns), let test = compiler.condition(node) {
      return PQLColumnarPlan(isColumnar: true, test: test)
    }
    let query = self
    return PQLColumnarPlan(isColumnar: false) { row in
      query.matches(
        profile: columns.profile(at: row), events: PQLEventList(columns.events(at: row)), now: now)
    }
  }
}
