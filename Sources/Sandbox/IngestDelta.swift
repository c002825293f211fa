import Identities
import Persistence

/// What one committed ingest added and changed, as streaming evaluation on the profile store
/// reads it: the new events by identity, and what tells a profile the store can still stand
/// for (plus its new events) from one that must be merged again from the records.
struct IngestDelta: Sendable {
  /// One new experience event.
  struct Event: Sendable {
    /// The stored id of the identity it is stored against.
    var identityID: Int64
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

  /// The new events, in batch and line order.
  var events: [Event] = []
  /// The identities that received a profile fragment: their profiles' attributes changed.
  var profileIdentityIDs: Set<Int64> = []
  /// Identities that are new (stored by this ingest) or moved to another graph.
  var movedIdentityIDs: Set<Int64> = []
  /// The graphs those identities are in now.
  var movedToGraphIDs: Set<Int64> = []
  /// The profile stores no graph had changed in until this ingest, by merge policy id: the
  /// writing (generation) of each.
  var currentStores: [String: String] = [:]
  /// The last batch number the ingest committed.
  var lastBatch = 0
  /// The graphs the ingest touched, sorted.
  var affectedGraphIDs: [Int64] = []

  /// Keeps what streaming needs of `records`, stored as batch number `batch` of the dataset
  /// `datasetID`.
  mutating func keep(_ records: [IngestRecord], batch: Int, datasetID dataset: String) {
    for record in records {
      guard record.kind == .event else {
        profileIdentityIDs.insert(record.identityID)
        continue
      }
      events.append(
        Event(
          identityID: record.identityID, datasetID: dataset,
          order: Int64(batch) << 32 | Int64(record.line), json: record.json))
    }
  }

  /// Notes identities first stored by the ingest, with the graphs they were stored in (an
  /// identity that moved later is noted again by ``note(_:)``).
  mutating func keep(_ identities: NewIdentities) {
    movedIdentityIDs.formUnion(identities.storedIDs)
    movedToGraphIDs.formUnion(identities.graphIDs)
  }

  /// Notes the changes of the ingest's identity graph.
  mutating func note(_ changes: GraphChanges) {
    for row in changes.identities {
      movedIdentityIDs.insert(row.storedID)
      movedToGraphIDs.insert(row.graphID)
    }
    affectedGraphIDs = changes.affectedGraphIDs
  }
}
