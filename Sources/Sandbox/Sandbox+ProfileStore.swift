import Dispatch
import Foundation
import Identities
import LabCore
import Persistence
import Profiles

extension Sandbox {
  /// Why a profile store was built from the records rather than read.
  public enum ProfileStoreRebuild: String, Sendable {
    /// There was none yet (a new sandbox, or many graphs changed at once).
    case missing
    /// It was written under another format, merge policy, linking rules or namespaces.
    case stale
    /// Its bytes did not read back.
    case damaged
  }

  /// What the store of `policy` is built under: a store whose stamp differs is rebuilt.
  func profileStoreStamp(policy: MergePolicy, registry: NamespaceRegistry) throws(SandboxError)
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let policyText = (try? encoder.encode(policy)).map { String(decoding: $0, as: UTF8.self) }
    let rulesText = (try? identityRules()).flatMap { $0 }.flatMap { try? encoder.encode($0) }
      .map { String(decoding: $0, as: UTF8.self) }
    let namespaces = registry.namespaces.map { "\($0.id):\($0.code)" }.joined(separator: ",")
    return [
      "format \(ProfileColumnStore.format)", policyText ?? "", rulesText ?? "none", namespaces,
    ].joined(separator: "\n")
  }

  /// The profile store of `policy`, up to date with the records.
  ///
  /// It is read from the state file and the graphs changed since it was written are patched
  /// in; one that is missing, stale or damaged is rebuilt from the records (`rebuilt` says
  /// why). A patch is written back as the delta of rows replaced since the store was written
  /// whole, until that delta is worth writing the store whole again; either way the changed
  /// graphs are forgotten in the same transaction.
  func profileColumnStore(policy: MergePolicy) throws(SandboxError)
    -> (store: ProfileColumnStore, rebuilt: ProfileStoreRebuild?)
  {
    let registry = try registry()
    let stamp = try profileStoreStamp(policy: policy, registry: registry)
    // Read before anything else: an ingest that lands while this reader works makes its store
    // one of records no longer current, which is then used but not saved.
    let (version, stored) = try storage { () throws(PersistenceError) in
      (try store.recordsVersion(), try store.profileColumns(policyID: policy.id, parts: []))
    }
    var reason: ProfileStoreRebuild?
    var current: LayeredProfileStore?
    if let stored {
      if stored.stamp != stamp {
        reason = .stale
      } else if let opened = openProfileStore(stored) {
        current = opened
      } else {
        reason = .damaged
      }
    } else {
      reason = .missing
    }
    let dirty = stored?.dirtyGraphIDs ?? []
    if let current, dirty.isEmpty { return (current.view, nil) }
    switch reason {
    case .damaged?:
      notice?(damagedNotice(policy: policy, part: "its header"))
    case .stale?:
      notice?(
        "The profile store of the merge policy '\(policy.name)' was built under other settings "
          + "or by another version; rebuilding it from the records.")
    default: break
    }
    var result: ProfileColumnStore
    if let layers = current, let stored {
      let (rows, added) = try patch(layers.view, graphs: dirty, policy: policy, registry: registry)
      if let part = layers.view.damage.part {
        notice?(damagedNotice(policy: policy, part: part))
        reason = .damaged
        result = try buildProfileStore(policy: policy, registry: registry)
      } else {
        let patched = layers.replacing(rows: rows, with: added)
        if !patched.isWorthWritingWhole {
          // Not saved when another reader wrote the store meanwhile or an ingest changed the
          // records: the view serves this reader, and the next one patches again.
          _ = try storage { () throws(PersistenceError) in
            try store.saveProfileColumnsDelta(
              policyID: policy.id, generation: stored.generation, delta: UUID().uuidString,
              parts: patched.encodedDelta(), dirtyGraphIDs: dirty, ifRecordsVersion: version)
          }
          if patched.view.damage.part == nil { return (patched.view, nil) }
        }
        result = patched.whole()
        if let part = result.damage.part {
          notice?(damagedNotice(policy: policy, part: part))
          reason = .damaged
          result = try buildProfileStore(policy: policy, registry: registry)
        }
      }
    } else {
      result = try buildProfileStore(policy: policy, registry: registry)
    }
    let (header, parts) = result.encoded()
    try storage { () throws(PersistenceError) in
      try store.save(
        profileColumns: StoredProfileColumns(
          policyID: policy.id, stamp: stamp, header: header, parts: parts, dirtyGraphIDs: dirty),
        ifRecordsVersion: version)
    }
    return (result, reason)
  }

  /// The stored store `stored`, its delta laid over its whole writing; `nil` when a part
  /// every reader needs does not read back.
  func openProfileStore(_ stored: StoredProfileColumns) -> LayeredProfileStore? {
    let damage = StoreDamage()
    guard
      let base = ProfileColumnStore(
        header: stored.header,
        parts: StoredProfileStoreParts(
          store: store, policyID: stored.policyID, generation: stored.generation),
        damage: damage)
    else { return nil }
    guard let generation = stored.delta else { return LayeredProfileStore(base: base) }
    let parts = StoredProfileStoreParts(
      store: store, policyID: stored.policyID, generation: generation,
      prefix: LayeredProfileStore.deltaPrefix)
    guard let header = parts.data("header"),
      let delta = ProfileColumnStore(header: header, parts: parts, damage: damage),
      let dropped = parts.integers(Int64.self, "dropped", count: nil),
      zip(dropped, dropped.dropFirst()).allSatisfy({ $0 < $1 }),
      dropped.allSatisfy({ $0 >= 0 && $0 < base.count })
    else { return nil }
    return LayeredProfileStore(base: base, dropped: dropped.map { Int($0) }, delta: delta)
  }

  /// Runs `body` on the profile store of `policy`; when a part it read turned out damaged, the
  /// store is rebuilt from the records (saying so) and `body` runs again on it.
  func withProfileStore<T>(
    policy: MergePolicy, _ body: (ProfileColumnStore) throws(SandboxError) -> T
  ) throws(SandboxError) -> T {
    let store = try profileColumnStore(policy: policy).store
    let result = try body(store)
    guard let part = store.damage.part else { return result }
    notice?(damagedNotice(policy: policy, part: part))
    try storage { () throws(PersistenceError) in
      try self.store.deleteProfileColumns(policyID: policy.id)
    }
    let rebuilt = try profileColumnStore(policy: policy).store
    return try body(rebuilt)
  }

  /// What a notice says of a damaged part.
  private func damagedNotice(policy: MergePolicy, part: String) -> String {
    "A part of the profile store of the merge policy '\(policy.name)' (\(part)) did not read "
      + "back; rebuilding the store from the records (they are intact)."
  }

  /// A store of every profile under `policy`, from the records.
  ///
  /// The graphs are split into runs of consecutive graphs that every core takes in turn,
  /// reading, merging and encoding each run into a store of its own; the stores are then
  /// joined in graph order (``ProfileColumnStore/joined(_:)``). Encoding merged profiles into
  /// columns took half of the one thread that once did it all.
  ///
  /// `graphsPerRun` sets the runs' length (by default at least 2,048 graphs, about eight runs
  /// per core).
  func buildProfileStore(
    policy: MergePolicy, registry: NamespaceRegistry, graphsPerRun: Int? = nil
  ) throws(SandboxError) -> ProfileColumnStore {
    let graphs = try storage { () throws(PersistenceError) in try segmentStore.graphIDs() }
    let total = graphs.count
    progress?("Building the profile store", 0, total)
    let pieces = try stores(
      of: graphs, graphsPerRun: graphsPerRun, contiguous: true, policy: policy, registry: registry
    ) { done in
      if done % 4_096 == 0 { progress?("Building the profile store", done, total) }
    }
    progress?("Building the profile store", total, total)
    return ProfileColumnStore.joined(pieces)
  }

  /// The profiles of `graphs` (ascending) under `policy` as stores of runs of consecutive
  /// graphs, in order, each built by whichever core is free; `taken` hears the number of graphs
  /// taken in so far, from any core.
  ///
  /// `contiguous` says that `graphs` holds every graph of its range, which is then read as a
  /// range rather than id by id.
  func stores(
    of graphs: [Int64], graphsPerRun: Int? = nil, contiguous: Bool, policy: MergePolicy,
    registry: NamespaceRegistry, taken: (@Sendable (Int) -> Void)? = nil
  ) throws(SandboxError) -> [ProfileColumnStore] {
    let total = graphs.count
    let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
    let runLength = max(1, graphsPerRun ?? max(2_048, total / (workers * 8) + 1))
    let runs = stride(from: 0, to: total, by: runLength).map {
      graphs[$0..<min($0 + runLength, total)]
    }
    let (claimed, done) = (SharedCount(), SharedCount())
    let pieces = [Result<ProfileColumnStore, SandboxError>](
      unsafeUninitializedCapacity: runs.count
    ) { buffer, initialized in
      buffer.initialize(repeating: .success(ProfileColumnStore()))
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: min(workers, runs.count)) { _ in
        while true {
          let index = claimed.add(1) - 1
          guard index < runs.count, let first = runs[index].first, let last = runs[index].last
          else { return }
          var builder = ProfileColumnsBuilder()
          var lastGraph = Int64.min
          do throws(SandboxError) {
            try forEachSegmentProfile(
              policy: policy, graphIDs: contiguous ? nil : Array(runs[index]),
              range: contiguous ? first...last : nil, workers: 1
            ) { profile in
              add(profile, to: &builder, registry: registry)
              if profile.graphID != lastGraph {
                lastGraph = profile.graphID
                taken?(done.add(1))
              }
            }
            output[index] = .success(builder.build())
          } catch {
            output[index] = .failure(error)
          }
        }
      }
      initialized = runs.count
    }
    var result: [ProfileColumnStore] = []
    for piece in pieces { result.append(try piece.get()) }
    return result
  }

  /// The rows of `base` to replace and the profiles that replace them: those of the graphs
  /// `graphs`, read again from the records (on every core, as a build reads them).
  ///
  /// A row is dropped when its graph changed or when one of its identities is now in a changed
  /// graph (graphs merged); the identities such a row held that went elsewhere (a graph split)
  /// bring their graphs in too, until nothing more changes.
  func patch(
    _ base: ProfileColumnStore, graphs: [Int64], policy: MergePolicy, registry: NamespaceRegistry
  ) throws(SandboxError) -> (rows: Set<Int>, added: ProfileColumnStore) {
    var changed = Set(graphs)
    var dropped = Set<Int>()
    var added: ProfileColumnStore?
    var read = Set<Int64>()
    var identitiesRead = Set<Int64>()
    while true {
      let toRead = changed.subtracting(read).sorted()
      guard !toRead.isEmpty else { break }
      read.formUnion(toRead)
      let round = ProfileColumnStore.joined(
        try stores(of: toRead, contiguous: false, policy: policy, registry: registry))
      identitiesRead.formUnion(round.identityIDs)
      // A later round's graphs can sort before an earlier one's; the rows go in graph order.
      added = added.map { $0.replacing(rows: [], with: round) } ?? round
      // Graphs whose identities are all gone still hold a row each to drop.
      var elsewhere: [Int64] = []
      let (baseIdentities, baseStarts, baseGraphs) = (
        base.identityIDs, base.identityStarts, base.graphIDs
      )
      for row in 0..<base.count where !dropped.contains(row) {
        let identities = baseIdentities[Int(baseStarts[row])..<Int(baseStarts[row + 1])]
        guard
          changed.contains(baseGraphs[row])
            || identities.contains(where: identitiesRead.contains)
        else { continue }
        dropped.insert(row)
        elsewhere += identities.filter { !identitiesRead.contains($0) }
      }
      if !elsewhere.isEmpty {
        let now = try storage { () throws(PersistenceError) in
          try store.graphIDs(identityIDs: elsewhere)
        }
        changed.formUnion(now.values)
      }
    }
    return (dropped, added ?? ProfileColumnStore())
  }

  /// Adds `profile` to `builder`.
  private func add(
    _ profile: SegmentProfile, to builder: inout ProfileColumnsBuilder,
    registry: NamespaceRegistry
  ) {
    let namespaces = Set(
      profile.merged.identities.map { registry.namespace(for: $0.namespace)?.code ?? $0.namespace })
    builder.add(
      key: profile.key, graphID: profile.graphID, identityIDs: profile.identityIDs,
      namespaces: namespaces, merged: profile.merged, events: profile.events)
  }
}

extension Sandbox {
  /// Brings the profile store of the default merge policy up to date now (building it when
  /// there is none), so that the next segment job or estimate does not have to.
  public func prepareProfileStore() throws(SandboxError) {
    _ = try profileColumnStore(policy: try mergePolicies().defaultPolicy)
  }
}
