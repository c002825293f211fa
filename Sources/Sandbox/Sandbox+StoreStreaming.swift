import Dispatch
import Foundation
import LabCore
import PQL
import Persistence
import Profiles
import Segmentation

extension Sandbox {
  /// The profiles of `graphIDs` under `policy` that the profile store stands for after the
  /// ingest `delta` describes: their stored rows with the ingest's events appended; `nil`
  /// when the store cannot stand for any.
  ///
  /// The store stands for a profile when it was up to date until this ingest, nothing was
  /// ingested or changed since, and the ingest only added events to the profile: its graph
  /// was not restored for linking, got no new identity and no profile fragment
  /// (``IngestDelta/changedGraphIDs``). Profiles under a policy without the identity graph are
  /// merged from the records.
  func streamingRows(policy: MergePolicy, graphIDs: [Int64], delta: IngestDelta)
    throws(SandboxError) -> StreamingRows?
  {
    guard policy.identityGraph == .pdg, let version = delta.currentStores[policy.id] else {
      return nil
    }
    // The new events this policy reads, parsed on other threads while the store is read.
    let events = delta.events.filter { policy.includesEvents(ofDataset: $0.datasetID) }
      .sorted { $0.order < $1.order }
    let texts = events.map(\.json)
    let parsing = BackgroundWork { EventColumns(parsing: texts) }
    let registry = try registry()
    let stamp = try profileStoreStamp(policy: policy, registry: registry)
    let (stored, nextBatch) = try storage { () throws(PersistenceError) in
      (
        try store.profileColumns(policyID: policy.id, parts: []),
        try store.nextBatchNumber()
      )
    }
    let affected = Set(delta.affectedGraphIDs)
    guard let stored, stored.version == version, stored.stamp == stamp,
      nextBatch == delta.lastBatch + 1,
      stored.dirtyGraphIDs.allSatisfy(affected.contains),
      let base = openProfileStore(stored)?.view, base.isExact
    else { return nil }

    // Rows by key (a graph id under the identity graph); a patched store is in graph order too.
    let keys = base.keys
    let order = base.keyOrder()
    func row(of graph: Int64) -> Int? {
      var (low, high) = (0, order.count)
      while low < high {
        let middle = (low + high) / 2
        if keys[order[middle]] < graph { low = middle + 1 } else { high = middle }
      }
      return low < order.count && keys[order[low]] == graph ? order[low] : nil
    }
    var rows: [Int] = []
    var others: [Int64] = []
    var position: [Int64: Int] = [:]
    for graph in graphIDs {
      guard !delta.changedGraphIDs.contains(graph), let row = row(of: graph) else {
        others.append(graph)
        continue
      }
      position[graph] = rows.count
      rows.append(row)
    }
    guard !rows.isEmpty else { return nil }

    // Each row's new events, in the order they were stored.
    var appended = [[Int]](repeating: [], count: rows.count)
    for (index, event) in events.enumerated() {
      guard let position = position[event.graphID] else { continue }
      appended[position].append(index)
    }
    guard let added = parsing.value else { return nil }
    return StreamingRows(
      keys: rows.map { keys[$0] },
      columns: base.columns(ofRows: rows, appending: appended, from: added), store: base,
      otherGraphIDs: others)
  }

  /// Whether each of `rows` qualifies for each segment of `evaluator`, by segment id, tested
  /// on the columns in evaluation order at `now`; `nil` when a segment cannot be.
  ///
  /// `inSegment` of a segment evaluated here reads its new result, of any other the
  /// memberships in `previous`, as the profile-by-profile evaluation does.
  func streamingFlags(
    _ evaluator: SegmentEvaluator, rows: StreamingRows,
    previous: [Int64: [String: SegmentMembership]], now: Int64
  ) -> [String: [Bool]]? {
    var columns = rows.columns
    let instant = PQLDateTime(millisecondsSinceEpoch: now)
    var flags: [String: [Bool]] = [:]
    for item in evaluator.segments {
      guard !item.query.text.contains("segmentMembership") else { return nil }
      for reference in item.query.referencedSegmentIDs where columns.memberships[reference] == nil {
        columns.memberships[reference] = rows.keys.map {
          previous[$0]?[reference]?.status.isMember ?? false
        }
      }
      let plan = item.query.plan(for: columns, now: instant)
      guard plan.isColumnar else { return nil }
      let result = Self.rows(rows.keys.count, plan.matches)
      flags[item.segment.id] = result
      columns.memberships[item.segment.id] = result
    }
    return flags
  }
}
