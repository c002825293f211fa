import Identities

/// A dataset as stored: its id, name, class and schema, with counts.
public struct StoredDataset: Sendable, Hashable {
  /// The dataset id.
  public var id: String
  /// The dataset name.
  public var name: String
  /// `profile` or `experienceevent`.
  public var recordClass: String
  /// The dataset schema as JSON text.
  public var schema: String
  /// When it was first ingested, RFC 3339.
  public var createdAt: String
  /// How many records it holds.
  public var recordCount: Int
  /// How many batches it received.
  public var batchCount: Int

  /// Creates a dataset row.
  public init(
    id: String, name: String, recordClass: String, schema: String, createdAt: String,
    recordCount: Int = 0, batchCount: Int = 0
  ) {
    self.id = id
    self.name = name
    self.recordClass = recordClass
    self.schema = schema
    self.createdAt = createdAt
    self.recordCount = recordCount
    self.batchCount = batchCount
  }
}

/// A batch as stored.
public struct StoredBatch: Sendable, Hashable {
  /// The batch id.
  public var id: String
  /// Its number: batches are numbered in ingestion order.
  public var number: Int
  /// Its dataset.
  public var datasetID: String
  /// When it was ingested, RFC 3339.
  public var ingestedAt: String
  /// The file it came from.
  public var source: String
  /// Records accepted.
  public var accepted: Int
  /// Records rejected.
  public var rejected: Int

  /// Creates a batch row.
  public init(
    id: String, number: Int, datasetID: String, ingestedAt: String, source: String, accepted: Int,
    rejected: Int
  ) {
    self.id = id
    self.number = number
    self.datasetID = datasetID
    self.ingestedAt = ingestedAt
    self.source = source
    self.accepted = accepted
    self.rejected = rejected
  }
}

/// A record as stored: a profile fragment or an experience event, with its raw JSON.
public struct StoredRecord: Sendable, Hashable {
  /// Whether a record is a profile fragment or an experience event.
  public enum Kind: Int, Sendable, Hashable {
    /// A profile fragment.
    case profile = 0
    /// An experience event.
    case event = 1
  }

  /// The batch.
  public var batchID: String
  /// The dataset.
  public var datasetID: String
  /// The line in the batch (1-based).
  public var line: Int
  /// The ingestion order, `LinkOrigin.order(batch:line:)` of its batch number and line.
  ///
  /// It is not stored: reads derive it from the batch number and line.
  public var order: Int64
  /// Profile or event.
  public var kind: Kind
  /// The stored id of the identity it is stored against.
  public var identityID: Int64
  /// The event's `_id`.
  public var eventID: String?
  /// The event's time in milliseconds.
  public var eventTime: Int64?
  /// The record as JSON text.
  public var json: String

  /// Creates a record row.
  public init(
    batchID: String, datasetID: String, line: Int, order: Int64, kind: Kind, identityID: Int64,
    eventID: String?, eventTime: Int64?, json: String
  ) {
    self.batchID = batchID
    self.datasetID = datasetID
    self.line = line
    self.order = order
    self.kind = kind
    self.identityID = identityID
    self.eventID = eventID
    self.eventTime = eventTime
    self.json = json
  }
}

/// An identity as stored: its id, its graph and when it was first seen.
public struct StoredIdentity: Sendable, Hashable {
  /// The stored id.
  public var storedID: Int64
  /// The identity.
  public var identity: Identity
  /// Its graph's id.
  public var graphID: Int64
  /// When it was first seen (ingestion order).
  public var firstSeen: Int64

  /// Creates an identity row.
  public init(storedID: Int64, identity: Identity, graphID: Int64, firstSeen: Int64) {
    self.storedID = storedID
    self.identity = identity
    self.graphID = graphID
    self.firstSeen = firstSeen
  }
}

/// Everything one ingest writes, saved in one transaction by ``SandboxStore/commit(_:)``.
public struct IngestCommit: Sendable {
  /// The datasets (inserted when new).
  public var datasets: [StoredDataset]
  /// The batches, one per dataset.
  public var batches: [StoredBatch]
  /// The accepted records.
  public var records: [StoredRecord]
  /// The identity graph's changes.
  public var graph: GraphChanges

  /// Creates a commit.
  public init(
    datasets: [StoredDataset], batches: [StoredBatch], records: [StoredRecord], graph: GraphChanges
  ) {
    self.datasets = datasets
    self.batches = batches
    self.records = records
    self.graph = graph
  }
}
