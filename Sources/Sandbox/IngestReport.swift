import Identities

/// What an ingest did: per dataset, the batch and its accepted and rejected records.
public struct IngestReport: Sendable, Hashable {
  /// One rejected record.
  public struct Rejection: Sendable, Hashable {
    /// Its line in the file (or its position in a JSON array), 1-based.
    public var line: Int
    /// Why.
    public var reason: RecordRejection
  }

  /// One dataset's batch.
  public struct Batch: Sendable, Hashable {
    /// The dataset's name.
    public var datasetName: String
    /// The dataset's id.
    public var datasetID: String
    /// The dataset's class.
    public var recordClass: RecordClass
    /// The batch id (empty when nothing was committed).
    public var batchID: String
    /// The file the records came from.
    public var source: String
    /// How many records were accepted.
    public var accepted: Int
    /// The rejected records, by line.
    public var rejections: [Rejection]
  }

  /// The batches, in ingestion order.
  public var batches: [Batch]
  /// Whether the accepted records were stored (false under `--strict` with rejections).
  public var committed: Bool
  /// The graphs the ingest touched: a segmentation service re-evaluates these profiles.
  public var affectedGraphIDs: [Int64]
  /// Links established or re-established.
  public var linksEstablished: Int
  /// Links removed by the graph limit or the linking rules.
  public var linksRemoved: Int
  /// What the streaming segments' evaluation did; `nil` when there are none (or nothing was
  /// stored).
  public var streaming: StreamingEvaluation? = nil
  /// Seconds from the start until the last record was read and validated (on every core).
  ///
  /// Reading, linking and writing overlap, so the three times add up to more than the whole.
  public var parseSeconds: Double
  /// Seconds spent restoring and linking identities, on the linking thread.
  public var graphSeconds: Double
  /// Seconds spent writing the state file, on the writing thread, the commit included.
  public var writeSeconds: Double

  /// Records accepted over all batches.
  public var accepted: Int { batches.reduce(0) { $0 + $1.accepted } }
  /// Records rejected over all batches.
  public var rejected: Int { batches.reduce(0) { $0 + $1.rejections.count } }
}
