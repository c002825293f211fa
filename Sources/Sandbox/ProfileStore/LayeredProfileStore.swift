import Foundation

/// A profile store as it is kept in the state file: its last whole writing (`base`), the base
/// rows replaced since (`dropped`) and the rows that replaced them (`delta`), read together as
/// ``view``.
///
/// A patch of a few graphs then writes a delta the size of those graphs rather than the whole
/// store; once the delta is a sizeable part of the store, the store is written whole again.
struct LayeredProfileStore: Sendable {
  /// The store as last written whole.
  let base: ProfileColumnStore
  /// The rows of `base` replaced since, ascending.
  let dropped: [Int]
  /// The rows that replaced them, in graph order.
  let delta: ProfileColumnStore
  /// The store that `base`, `dropped` and `delta` stand for.
  let view: ProfileColumnStore
  /// Each row of ``view``: a row of `base`, or -1 - a row of `delta` (`nil` when the view is
  /// `base` itself).
  private let plan: [Int]?

  /// The store `base` with the rows `dropped` replaced by `delta`.
  init(base: ProfileColumnStore, dropped: [Int] = [], delta: ProfileColumnStore = .init()) {
    self.base = base
    self.dropped = dropped
    self.delta = delta
    if dropped.isEmpty, delta.count == 0 {
      (view, plan) = (base, nil)
    } else {
      let overlaid = base.overlaid(dropping: dropped, with: delta)
      (view, plan) = (overlaid.store, overlaid.plan)
    }
  }

  /// The layers after the rows `rows` of ``view`` are replaced by the rows of `added`.
  func replacing(rows: Set<Int>, with added: ProfileColumnStore) -> LayeredProfileStore {
    var baseRows = Set(dropped)
    var deltaRows = Set<Int>()
    for row in rows {
      let entry = plan?[row] ?? row
      if entry >= 0 { baseRows.insert(entry) } else { deltaRows.insert(-1 - entry) }
    }
    return LayeredProfileStore(
      base: base, dropped: baseRows.sorted(), delta: delta.replacing(rows: deltaRows, with: added))
  }

  /// Whether the store is better written whole than as its delta: once the delta's rows and
  /// the rows they replace are more than a quarter of the store, every reader would spend
  /// more on laying the delta over than a whole writing costs once.
  var isWorthWritingWhole: Bool {
    (dropped.count + delta.count) * 4 > base.count
  }

  /// The store as one whole writing.
  func whole() -> ProfileColumnStore {
    plan == nil ? base : base.replacing(rows: Set(dropped), with: delta)
  }

  /// The delta's parts as the state file keeps them, named `delta.*`: its header, its parts and
  /// the dropped rows.
  func encodedDelta() -> [String: Data] {
    let (header, parts) = delta.encoded()
    var result = Dictionary(
      uniqueKeysWithValues: parts.map { (Self.deltaPrefix + $0.key, $0.value) })
    result[Self.deltaPrefix + "header"] = header
    result[Self.deltaPrefix + "dropped"] = ProfileColumnStore.raw(dropped.map(Int64.init))
    return result
  }

  /// What the delta's parts are named after.
  static let deltaPrefix = "delta."
}
