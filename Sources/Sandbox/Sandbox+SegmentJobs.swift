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
      let (metrics, memberships) = try evaluate(groups: groups, at: Self.milliseconds(clock()))
      job.metrics = metrics
      job.move(to: .succeeded, at: Self.milliseconds(clock()))
      try storage { () throws(PersistenceError) in
        try segmentStore.finish(job: job, memberships: memberships)
      }
    } catch {
      job.errors = [error.errorDescription ?? "\(error)"]
      job.move(to: .failed, at: Self.milliseconds(clock()))
      try storage { () throws(PersistenceError) in try segmentStore.save(job: job) }
    }
    return wire(job, segments: all)
  }

  /// Evaluates each policy's segments over every profile; returns the metrics and the
  /// memberships to write.
  func evaluate(groups: [(policy: MergePolicy, segments: [Segment])], at now: Int64)
    throws(SandboxError) -> (SegmentJobMetrics, [Int64: [String: SegmentMembership]])
  {
    var metrics = SegmentJobMetrics()
    metrics.startTimeInMs = now
    var writes: [Int64: [String: SegmentMembership]] = [:]
    var evaluationNanoseconds: UInt64 = 0
    let budget = WorkBudget.current
    let registry = try registry()
    for group in groups {
      let evaluator = try segmentation { () throws(SegmentationError) in
        try SegmentEvaluator(segments: group.segments)
      }
      let profiles = try segmentProfiles(policy: group.policy)
      let stored = try storage { () throws(PersistenceError) in
        try segmentStore.memberships(profileKeys: profiles.map(\.key))
      }
      let evaluated = evaluator.segments.map(\.segment.id)
      for profile in profiles {
        try Self.check(budget)
        let previous = writes[profile.key] ?? stored[profile.key] ?? [:]
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome = evaluator.evaluate(
          profile: profile.merged.entity, events: PQLEventList(profile.events),
          memberships: previous, now: now)
        evaluationNanoseconds += DispatchTime.now().uptimeNanoseconds - start
        metrics.totalProfiles += 1
        metrics.totalProfilesByMergePolicy[group.policy.id, default: 0] += 1
        let namespaces = Set(
          profile.merged.identities.map {
            registry.namespace(for: $0.namespace)?.code ?? $0.namespace
          })
        metrics.count(outcome, evaluated: evaluated, namespaces: namespaces, previous: previous)
        if !outcome.changed.isEmpty {
          var changed = writes[profile.key] ?? [:]
          for id in outcome.changed { changed[id] = outcome.memberships[id] }
          writes[profile.key] = changed
        }
      }
    }
    metrics.profileSegmentationTimeInMs = Int64(evaluationNanoseconds / 1_000_000)
    metrics.endTimeInMs = max(Self.milliseconds(clock()), now)
    return (metrics, writes)
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
