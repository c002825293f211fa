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
    guard !graphIDs.isEmpty else { return [:] }
    let streaming = try storedSegments().filter(\.streaming)
    guard !streaming.isEmpty else { return [:] }
    let groups = try policyGroups(streaming)
    let now = Self.milliseconds(clock())
    var writes: [Int64: [String: SegmentMembership]] = [:]
    var summary: [String: StreamingChange] = [:]
    for group in groups {
      let evaluator = try segmentation { () throws(SegmentationError) in
        try SegmentEvaluator(segments: group.segments)
      }
      let profiles = try segmentProfiles(policy: group.policy, graphIDs: graphIDs)
      let stored = try storage { () throws(PersistenceError) in
        try segmentStore.memberships(profileKeys: profiles.map(\.key))
      }
      // A profile an earlier merge policy's segments changed starts from those writes.
      var previous = stored
      for (key, written) in writes { previous[key] = written }
      // Each profile's outcome on every core; the writes are gathered in profile order.
      let outcomes = Self.outcomes(of: profiles, previous: previous, evaluator: evaluator, now: now)
      for (profile, outcome) in zip(profiles, outcomes) {
        for id in outcome.changed {
          guard let membership = outcome.memberships[id] else { continue }
          writes[profile.key, default: [:]][id] = membership
          if membership.status.isMember {
            summary[id, default: StreamingChange()].entered += 1
          } else {
            summary[id, default: StreamingChange()].exited += 1
          }
        }
      }
    }
    if !writes.isEmpty {
      try storage { () throws(PersistenceError) in try segmentStore.save(memberships: writes) }
    }
    return summary
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

/// How a streaming re-evaluation changed one segment.
public struct StreamingChange: Sendable, Hashable {
  /// Profiles that entered (now `realized`).
  public var entered = 0
  /// Profiles that left (now `exited`).
  public var exited = 0

  /// No change yet.
  public init() {}
}
