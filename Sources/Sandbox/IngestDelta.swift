import Identities
import Persistence

/// What one committed ingest added and changed, as streaming evaluation on the profile store
/// reads it: the new events by graph, and the graphs the store can no longer stand for.
struct IngestDelta: Sendable {
  /// One new experience event, stored against an identity whose graph the ingest did not
  /// restore (so did not change).
  struct Event: Sendable {
    /// The graph of the identity it is stored against.
    var graphID: Int64
    /// Its dataset's id.
    var datasetID: String
    /// Its batch number and line: the order it takes after the profile's stored events.
    var order: Int64
    /// The record as JSON text.
    var json: String
  }

  /// Above this many records an ingest keeps none for streaming: most profiles it touches are
  /// new or changed, and the store could not stand for them anyway.
  static let recordLimit = 50_000

  /// The new events of graphs the ingest did not restore, in the order they were kept.
  var events: [Event] = []
  /// Graphs whose profiles changed otherwise than by new events.
  ///
  /// These were restored to be linked (their identities may have moved), hold a new identity,
  /// or got a profile fragment. Every graph whose identities changed was restored, so the
  /// others keep their stored identities.
  var changedGraphIDs: Set<Int64> = []
  /// The profile stores no graph had changed in until this ingest, by merge policy id: the
  /// writing of each and of its delta (`StoredProfileColumns.version`).
  var currentStores: [String: String] = [:]
  /// The last batch number the ingest committed.
  var lastBatch = 0
  /// The graphs the ingest touched, sorted.
  var affectedGraphIDs: [Int64] = []

  /// Keeps what streaming needs of `records`, stored as batch number `batch` of the dataset
  /// `datasetID`; `aloneGraphIDs` gives the graph of each record stored against an identity
  /// whose graph was not restored (0 for the others, whose graphs were).
  mutating func keep(
    _ records: [IngestRecord], aloneGraphIDs: [Int64], batch: Int, datasetID dataset: String
  ) {
    for (record, graphID) in zip(records, aloneGraphIDs) where graphID != 0 {
      guard record.kind == .event else {
        changedGraphIDs.insert(graphID)
        continue
      }
      events.append(
        Event(
          graphID: graphID, datasetID: dataset,
          order: Int64(batch) << 32 | Int64(record.line), json: record.json))
    }
  }

  /// Notes the graphs identities first stored by the ingest were stored in.
  mutating func keep(_ identities: NewIdentities) {
    changedGraphIDs.formUnion(identities.graphIDs)
  }

  /// Notes the changes of the ingest's identity graph: the graphs it restored, and those
  /// identities moved to.
  mutating func note(_ changes: GraphChanges) {
    changedGraphIDs.formUnion(changes.storedGraphIDs)
    for row in changes.identities { changedGraphIDs.insert(row.graphID) }
    affectedGraphIDs = changes.affectedGraphIDs
  }
}
