/// A query prepared for every profile of one ``PQLColumns`` at one `now`.
///
/// Made by ``PQLQuery/plan(for:now:)``. It is safe to share between threads, so the rows can be
/// split among them.
public struct PQLColumnarPlan: Sendable {
  /// Whether the query runs on the columns themselves; when `false`, each profile is made into
  /// JSON and evaluated as ``PQLQuery/matches(profile:events:now:)-(_,PQLEventList,_)`` would.
  public let isColumnar: Bool
  let test: RowPredicate

  /// Whether profile `row` qualifies.
  @inline(__always)
  public func matches(_ row: Int) -> Bool { test(row) }
}
