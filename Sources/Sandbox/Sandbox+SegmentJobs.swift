import Dispatch
import Foundation
import Identities
import LabCore
import PQL
import Persistence
import PlatformAPI
import Profiles
import Segmentation

extension Sandbox {
  /// Runs a batch segment job over every merged profile, as `POST /segment/jobs` does.
  ///
  /// `segmentIDs` are ids or names; empty (or `*`) means every definition. Each segment is
  /// evaluated under its own merge policy, referenced segments first. The job goes `QUEUED` →
  /// `PROCESSING` → `SUCCEEDED` (memberships written with the job, in one transaction) or
  /// `FAILED` (memberships unchanged); it is kept and returned either way.
  public func runSegmentJob(segmentIDs: [String] = []) throws(SandboxError) -> SegmentJob {
    let all = try storedSegments()
    let segments: [Segment]
    if segmentIDs.isEmpty || segmentIDs == ["*"] {
      segments = all
    } else {
      var chosen: [Segment] = []
      for key in segmentIDs {
        let found = try storedSegment(key)
        if !chosen.contains(where: { $0.id == found.id }) { chosen.append(found) }
      }
      segments = chosen
    }
    guard !segments.isEmpty else {
      throw .segmentation(
        .invalidRequest(
          "There is no segment definition to evaluate. Create one with 'aep-lab segment create'."))
    }
    let groups = try policyGroups(segments)
    let jobSegments = groups.flatMap { group in
      group.segments.map {
        SegmentJobRecord.JobSegment(
          segmentId: $0.id, expression: $0.expression, mergePolicyId: group.policy.id)
      }
    }
    var job = SegmentJobRecord(
      id: UUID().uuidString.lowercased(), segments: jobSegments,
      creationTime: Self.milliseconds(clock()))
    try storage { () throws(PersistenceError) in try segmentStore.save(job: job) }
    job.move(to: .processing, at: Self.milliseconds(clock()))
    try storage { () throws(PersistenceError) in try segmentStore.save(job: job) }
    do {
      let now = Self.milliseconds(clock())
      let (metrics, lists) = try evaluate(groups: groups, at: now)
      job.metrics = metrics
      job.move(to: .succeeded, at: Self.milliseconds(clock()))
      try storage { () throws(PersistenceError) in
        try segmentStore.finish(job: job, lists: lists, evaluatedAt: now)
      }
    } catch {
      job.errors = [error.errorDescription ?? "\(error)"]
      job.move(to: .failed, at: Self.milliseconds(clock()))
      try storage { () throws(PersistenceError) in try segmentStore.save(job: job) }
    }
    return wire(job, segments: all)
  }

  /// Evaluates each policy's segments over every profile of its profile store; returns the
  /// metrics and each segment's new memberships.
  ///
  /// A segment's new state is its stored one walked in key order beside the store's rows:
  /// profiles that are no longer in the store (a graph absorbed by a merge) lose their
  /// memberships of the segments evaluated.
  func evaluate(groups: [(policy: MergePolicy, segments: [Segment])], at now: Int64)
    throws(SandboxError) -> (SegmentJobMetrics, [String: SegmentMemberList])
  {
    var metrics = SegmentJobMetrics()
    metrics.startTimeInMs = now
    var lists: [String: SegmentMemberList] = [:]
    var evaluationNanoseconds: UInt64 = 0
    var paths: [String: String] = [:]
    for group in groups {
      let evaluator = try segmentation { () throws(SegmentationError) in
        try SegmentEvaluator(segments: group.segments)
      }
      let start = DispatchTime.now().uptimeNanoseconds
      let (store, evaluation) = try withProfileStore(policy: group.policy) {
        store throws(SandboxError) in
        (store, try evaluate(evaluator.segments, on: store, policy: group.policy, now: now))
      }
      evaluationNanoseconds += DispatchTime.now().uptimeNanoseconds - start
      metrics.totalProfiles += store.count
      metrics.totalProfilesByMergePolicy[group.policy.id, default: 0] += store.count
      let order = store.keyOrder()
      for item in evaluator.segments {
        let id = item.segment.id
        paths[id] = evaluation.paths[id]?.rawValue
        guard let qualifies = evaluation.qualifies[id] else { continue }
        let previous = try storage { () throws(PersistenceError) in
          try segmentStore.members(segmentID: id)
        }
        var list = SegmentMemberList()
        list.reserveCapacity(previous.count)
        var members = 0
        var byNamespaceSet = [Int](repeating: 0, count: store.namespaceSets.count)
        var byStatus: [SegmentMembership.Status: Int] = [:]
        var index = 0
        for row in order {
          let key = store.keys[row]
          if let last = list.keys.last, last == key { continue }
          while index < previous.count, previous.keys[index] < key { index += 1 }
          let before =
            index < previous.count && previous.keys[index] == key
            ? previous.memberships[index] : nil
          guard let next = SegmentMembership.next(after: before, qualifies: qualifies[row], at: now)
          else { continue }
          list.append(key: key, next)
          if next.status.isMember {
            members += 1
            byNamespaceSet[Int(store.namespaceSetCodes[row])] += 1
          }
          if next != before { byStatus[next.status, default: 0] += 1 }
        }
        lists[id] = list
        if members > 0 { metrics.segmentedProfileCounter[id] = members }
        for (set, count) in zip(store.namespaceSets, byNamespaceSet) where count > 0 {
          for namespace in set {
            metrics.segmentedProfileByNamespaceCounter[id, default: [:]][namespace, default: 0] +=
              count
          }
        }
        for (status, count) in byStatus {
          metrics.segmentedProfileByStatusCounter[id, default: [:]][status.rawValue] = count
        }
      }
    }
    metrics.evaluationPathBySegment = paths
    metrics.profileSegmentationTimeInMs = Int64(evaluationNanoseconds / 1_000_000)
    metrics.endTimeInMs = max(Self.milliseconds(clock()), now)
    return (metrics, lists)
  }

  /// The job `id`, as `GET /segment/jobs/{id}` returns it.
  public func segmentJob(_ id: String) throws(SandboxError) -> SegmentJob {
    guard let job = try storage({ () throws(PersistenceError) in try segmentStore.job(id: id) })
    else {
      let known = try storage { () throws(PersistenceError) in try segmentStore.jobs() }
      throw .segmentation(
        .invalidRequest(
          "No segment job has the id '\(id)'. "
            + (known.isEmpty
              ? "No job has run yet; start one with 'aep-lab segment run --all'."
              : "Known jobs: \(known.suffix(5).map(\.id).joined(separator: ", ")).")))
    }
    return wire(job, segments: try storedSegments())
  }

  /// Every job, oldest first.
  public func segmentJobs() throws(SandboxError) -> [SegmentJob] {
    let segments = try storedSegments()
    return try storage { () throws(PersistenceError) in try segmentStore.jobs() }.map {
      wire($0, segments: segments)
    }
  }

  /// The Platform's job object for `job`.
  func wire(_ job: SegmentJobRecord, segments: [Segment]) -> SegmentJob {
    let entries: [JSONValue] = job.segments.map { entry in
      [
        "segmentId": .string(entry.segmentId),
        "segment": [
          "id": .string(entry.segmentId),
          "expression": [
            "type": "PQL", "format": .string(entry.expression.format.rawValue),
            "value": .string(entry.expression.value),
          ],
          "mergePolicyId": .string(entry.mergePolicyId),
          "mergePolicy": ["id": .string(entry.mergePolicyId), "version": 1],
        ],
      ]
    }
    var wire = SegmentJob(
      id: job.id, status: job.status.rawValue, segments: entries,
      metrics: job.status == .succeeded ? job.metrics.json : [:])
    wire.imsOrgId = Self.localOrgID
    wire.sandbox = SandboxDescriptor(
      sandboxId: Self.localSandboxID, sandboxName: "prod", type: "production", default: true)
    wire.profileInstanceId = "ups"
    wire.source = "api"
    wire.schema = SchemaReference(name: "_xdm.context.profile")
    wire.errors = job.errors.map { ["code": "0100-400", "msg": .string($0)] }
    wire.links = [
      "cancel": ["href": .string("/segment/jobs/\(job.id)"), "method": "DELETE"],
      "checkStatus": ["href": .string("/segment/jobs/\(job.id)"), "method": "GET"],
    ]
    wire.creationTime = Int(job.creationTime)
    wire.updateTime = Int(job.updateTime)
    wire.updateEpoch = Int(job.updateTime / 1000)
    return wire
  }
}
