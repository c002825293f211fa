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
      for profile in profiles {
        let previous = writes[profile.key] ?? stored[profile.key] ?? [:]
        let outcome = evaluator.evaluate(
          profile: profile.merged.entity, events: PQLEventList(profile.events),
          memberships: previous, now: now, keepingMemberStatus: true)
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
