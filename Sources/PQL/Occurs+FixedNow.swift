extension Occurs {
  /// Compiles the right-hand side of `occurs` for one `now`, as a test on an instant alone.
  ///
  /// A batch evaluates every profile at the same `now`, so the reference period and the bounds
  /// of a relative test are computed once here instead of once per event; the answers are those
  /// of ``compile(_:)-(OccursSpec<Node>)`` at that `now`. Returns `nil` for a spec that needs
  /// the frame (``needsFrame(_:)``).
  static func compile(_ spec: OccursSpec<Node>, fixedNow now: Int64) -> (@Sendable (Int64) -> Bool)?
  {
    guard !needsFrame(spec) else { return nil }
    switch spec {
    case .on(let reference):
      guard let (start, end) = compile(reference)(now, nil) else { return { _ in false } }
      return { start <= $0 && $0 < end }
    case .direction(let direction, let reference):
      guard let (start, end) = compile(reference)(now, nil) else { return { _ in false } }
      if direction == .before { return { $0 < start } }
      return { $0 >= end }
    case .between(let first, let second):
      guard let (start, _) = compile(first)(now, nil), let (_, end) = compile(second)(now, nil)
      else { return { _ in false } }
      return { start <= $0 && $0 < end }
    case .relative(let op, let amount, let unit, let direction, let reference):
      guard let (reference, _) = compile(reference)(now, nil) else { return { _ in false } }
      // The bound and its unit-long bucket, as `relative(…)` computes them for each instant.
      let bound = shift(reference, by: direction == .before ? -amount : amount, unit)
      let bucketEnd = shift(bound, by: 1, unit)
      if direction == .before {
        switch op {
        case .lessOrEqual: return { $0 <= reference && bound <= $0 }
        case .less: return { $0 <= reference && bound < $0 }
        case .greaterOrEqual: return { $0 <= reference && $0 <= bound }
        case .greater: return { $0 <= reference && $0 < bound }
        case .equal: return { $0 <= reference && bound <= $0 && $0 < bucketEnd }
        case .notEqual: return { $0 <= reference && !(bound <= $0 && $0 < bucketEnd) }
        }
      }
      switch op {
      case .lessOrEqual: return { $0 >= reference && $0 <= bound }
      case .less: return { $0 >= reference && $0 < bound }
      case .greaterOrEqual: return { $0 >= reference && $0 >= bound }
      case .greater: return { $0 >= reference && $0 > bound }
      case .equal: return { $0 >= reference && bound <= $0 && $0 < bucketEnd }
      case .notEqual: return { $0 >= reference && !(bound <= $0 && $0 < bucketEnd) }
      }
    }
  }
}
