import Dispatch
import Foundation
import LabCore
import PQL
import Persistence
import Profiles
import Segmentation

extension Sandbox {
  /// Evaluates `segments` (referenced segments first) for every profile of `store` at `now`.
  ///
  /// `inSegment` of a segment evaluated earlier in the same call reads its new result, of any
  /// other segment its stored memberships, as a job does. A segment whose expression the
  /// columnar compiler cannot take (or that reads `segmentMembership` itself, or when the
  /// store could not read every event time) is evaluated profile by profile from the records,
  /// that segment only.
  func evaluate(
    _ segments: [SegmentEvaluator.Compiled], on store: ProfileColumnStore, policy: MergePolicy,
    now: Int64
  ) throws(SandboxError) -> StoreEvaluation {
    var result = StoreEvaluation()
    var columns = store.columns
    var rowsByKey: [Int64: Int]?
    func rows() -> [Int64: Int] {
      if let rowsByKey { return rowsByKey }
      let rows = store.rowsByKey()
      rowsByKey = rows
      return rows
    }
    let budget = WorkBudget.current
    let instant = PQLDateTime(millisecondsSinceEpoch: now)
    var storedFlags: [String: [Bool]] = [:]
    for item in segments {
      try Self.check(budget)
      let id = item.segment.id
      for reference in item.query.referencedSegmentIDs where columns.memberships[reference] == nil {
        if let flags = result.qualifies[reference] ?? storedFlags[reference] {
          columns.memberships[reference] = flags
          continue
        }
        let stored = try storage { () throws(PersistenceError) in
          try segmentStore.memberships(segmentID: reference)
        }
        var flags = [Bool](repeating: false, count: store.count)
        let rows = rows()
        for (key, membership) in stored where membership.status.isMember {
          if let row = rows[key] { flags[row] = true }
        }
        storedFlags[reference] = flags
        columns.memberships[reference] = flags
      }
      var flags: [Bool]?
      if store.isExact, !item.query.text.contains("segmentMembership") {
        let plan = item.query.plan(for: columns, now: instant)
        if plan.isColumnar { flags = Self.rows(store.count, plan.matches) }
      }
      if let flags {
        result.paths[id] = .columnar
        result.qualifies[id] = flags
      } else {
        result.paths[id] = .profiles
        result.qualifies[id] = try evaluateProfileByProfile(
          item.query, policy: policy, rows: rows(), count: store.count, earlier: result,
          now: now)
      }
      // A later segment's `inSegment` reads this result.
      columns.memberships[id] = result.qualifies[id]
    }
    return result
  }

  /// Whether each of `count` rows passes `test`, the rows split between the cores.
  static func rows(_ count: Int, _ test: @escaping @Sendable (Int) -> Bool) -> [Bool] {
    [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
      buffer.initialize(repeating: false)
      nonisolated(unsafe) let output = buffer
      let workers = count < 16_384 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for row in (count * worker / workers)..<(count * (worker + 1) / workers) {
          output[row] = test(row)
        }
      }
      initialized = count
    }
  }

  /// One segment evaluated on each profile merged from the records into JSON, with its stored
  /// memberships and those `earlier` segments of the same evaluation give it.
  private func evaluateProfileByProfile(
    _ query: PQLQuery, policy: MergePolicy, rows: [Int64: Int], count: Int,
    earlier: StoreEvaluation, now: Int64
  ) throws(SandboxError) -> [Bool] {
    var flags = [Bool](repeating: false, count: count)
    let instant = PQLDateTime(millisecondsSinceEpoch: now)
    let budget = WorkBudget.current
    var chunk: [SegmentProfile] = []
    func flush() throws(SandboxError) {
      let stored = try storage { () throws(PersistenceError) in
        try segmentStore.memberships(profileKeys: chunk.map(\.key))
      }
      for profile in chunk {
        try Self.check(budget)
        guard let row = rows[profile.key] else { continue }
        var memberships = stored[profile.key] ?? [:]
        for (id, qualifies) in earlier.qualifies {
          memberships[id] = SegmentMembership.next(
            after: memberships[id], qualifies: qualifies[row], at: now)
        }
        let entity = SegmentMembership.apply(memberships, to: profile.merged.entity)
        flags[row] = query.matches(
          profile: entity, events: PQLEventList(profile.events), now: instant)
      }
      chunk.removeAll(keepingCapacity: true)
    }
    try forEachSegmentProfile(policy: policy) { profile throws(SandboxError) in
      chunk.append(profile)
      if chunk.count == 2_000 { try flush() }
    }
    try flush()
    return flags
  }
}
