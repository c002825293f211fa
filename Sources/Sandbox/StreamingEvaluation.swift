/// What the streaming evaluation after an ingest did: how each streaming segment changed, and
/// how the profiles it re-evaluated were read.
public struct StreamingEvaluation: Sendable, Hashable {
  /// How each streaming segment changed, by segment id (segments that did not change are
  /// left out).
  public var changes: [String: StreamingChange] = [:]
  /// The streaming segments' names, by segment id.
  public var names: [String: String] = [:]
  /// Profiles tested on the profile store's rows plus the ingest's new events.
  public var profilesFromStore = 0
  /// Profiles merged again from their records (new or changed by the ingest, or when the
  /// store could not stand for them).
  public var profilesMerged = 0

  /// Nothing evaluated yet.
  public init() {}

  /// Every streaming segment with its change (none when it did not change), by name.
  public var segments: [(id: String, name: String, change: StreamingChange)] {
    names.sorted { $0.value < $1.value }.map { id, name in
      (id, name, changes[id] ?? StreamingChange())
    }
  }
}
