import Foundation
import LabCore
import PQL
import Persistence
import Profiles
import Segmentation

extension Sandbox {
  /// Re-evaluates every streaming segment for the profiles of `graphIDs` only, and writes the
  /// memberships that change (entering gives `realized`, leaving `exited`) at once.
  ///
  /// The ingest calls this with its `affectedGraphIDs`. Returns the changes by segment id:
  /// how many profiles entered and left.
  @discardableResult
  public func evaluateStreamingSegments(graphIDs: [Int64]) throws(SandboxError)
    -> [String: StreamingChange]
  {
    try evaluateStreamingSegments(graphIDs: graphIDs, delta: nil).changes
  }

  /// ``evaluateStreamingSegments(graphIDs:)`` after the ingest `delta` describes: the
  /// profiles the profile store stands for are tested on its columns plus the new events
  /// (see ``streamingRows(policy:graphIDs:delta:)``), the others merged from the records.
  func evaluateStreamingSegments(graphIDs: [Int64], delta: IngestDelta?) throws(SandboxError)
    -> StreamingEvaluation
  {
    var result = StreamingEvaluation()
    let streaming = try storedSegments().filter(\.streaming)
    for segment in streaming { result.names[segment.id] = segment.name }
    guard !graphIDs.isEmpty, !streaming.isEmpty else { return result }
    let groups = try policyGroups(streaming)
    let now = Self.milliseconds(clock())
    var writes: [Int64: [String: SegmentMembership]] = [:]
    var summary: [String: StreamingChange] = [:]
    func note(_ outcome: SegmentOutcome, key: Int64) {
      for id in outcome.changed {
        guard let membership = outcome.memberships[id] else { continue }
        writes[key, default: [:]][id] = membership
        summary[id, default: StreamingChange()].count(membership)
      }
    }
    for group in groups {
      let evaluator = try segmentation { () throws(SegmentationError) in
        try SegmentEvaluator(segments: group.segments)
      }
      var rows = try delta.flatMap { delta throws(SandboxError) in
        try streamingRows(policy: group.policy, graphIDs: graphIDs, delta: delta)
      }
      // The store's rows first: when a segment cannot be tested on them, or a part they read
      // is damaged, every profile is merged from the records.
      var others = graphIDs
      if let rows {
        let stored = try storage { () throws(PersistenceError) in
          // Only the memberships a columnar test reads: its own and those of `inSegment`.
          try segmentStore.memberships(
            profileKeys: rows.keys,
            segmentIDs: Set(
              evaluator.segments.flatMap { [$0.segment.id] + $0.query.referencedSegmentIDs }))
        }
        var previous = stored
        for (key, written) in writes {
          previous[key, default: [:]].merge(written) { _, new in new }
        }
        let flags = streamingFlags(evaluator, rows: rows, previous: previous, now: now)
        if let flags, rows.store.damage.part == nil {
          others = rows.otherGraphIDs
          result.profilesFromStore += rows.keys.count
          // Every row's flags are known (`inSegment` included), so each membership moves on
          // by itself, without `evaluator.outcome`'s dictionary of memberships per row.
          let tested = evaluator.segments.map { ($0.segment.id, flags[$0.segment.id] ?? []) }
          for (index, key) in rows.keys.enumerated() {
            let before = previous[key]
            for (id, qualifies) in tested {
              let old = before?[id]
              guard
                let next = SegmentMembership.next(
                  after: old, qualifies: index < qualifies.count && qualifies[index], at: now,
                  keepingMemberStatus: true),
                next != old
              else { continue }
              writes[key, default: [:]][id] = next
              summary[id, default: StreamingChange()].count(next)
            }
          }
        } else {
          try forgetDamagedStore(rows.store, policy: group.policy)
        }
      }
      // Freeing the parsed events and the store's arrays (many small objects) is left to
      // another thread.
      if let finished = rows {
        rows = nil
        releaseInBackground(finished)
      }
      let profiles = try segmentProfiles(policy: group.policy, graphIDs: others)
      let stored = try storage { () throws(PersistenceError) in
        try segmentStore.memberships(profileKeys: profiles.map(\.key))
      }
      // A profile an earlier merge policy's segments changed starts from those writes.
      var previous = stored
      for (key, written) in writes { previous[key, default: [:]].merge(written) { _, new in new } }
      // Each profile's outcome on every core; the writes are gathered in profile order.
      let outcomes = Self.outcomes(of: profiles, previous: previous, evaluator: evaluator, now: now)
      for (profile, outcome) in zip(profiles, outcomes) { note(outcome, key: profile.key) }
      result.profilesMerged += profiles.count
    }
    if !writes.isEmpty {
      try storage { () throws(PersistenceError) in try segmentStore.save(memberships: writes) }
    }
    result.changes = summary
    return result
  }

  /// Drops the profile store of `policy` when a part `store` read was damaged (saying so),
  /// so that the next reader rebuilds it from the records.
  private func forgetDamagedStore(_ store: ProfileColumnStore, policy: MergePolicy)
    throws(SandboxError)
  {
    guard let part = store.damage.part else { return }
    notice?(
      "A part of the profile store of the merge policy '\(policy.name)' (\(part)) did not read "
        + "back; it will be rebuilt from the records (they are intact).")
    try storage { () throws(PersistenceError) in
      try self.store.deleteProfileColumns(policyID: policy.id)
    }
  }

  /// What `evaluator` gives each of `profiles` from its `previous` memberships, in order,
  /// the profiles split between the cores.
  static func outcomes(
    of profiles: [SegmentProfile], previous: [Int64: [String: SegmentMembership]],
    evaluator: SegmentEvaluator, now: Int64
  ) -> [SegmentOutcome] {
    let count = profiles.count
    let workers = count < 256 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
    var outcomes: [SegmentOutcome?] = Array(repeating: nil, count: count)
    outcomes.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in (count * worker / workers)..<(count * (worker + 1) / workers) {
          let profile = profiles[index]
          output[index] = evaluator.evaluate(
            profile: profile.merged.entity, events: PQLEventList(profile.events),
            memberships: previous[profile.key] ?? [:], now: now, keepingMemberStatus: true)
        }
      }
    }
    return outcomes.compactMap { $0 }
  }
}
