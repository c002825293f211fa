/// Where and when a link between two identities was made: the dataset, the batch, the record
/// (its line in the batch) and its ingestion order.
public struct LinkOrigin: Sendable, Hashable, Codable {
  /// The dataset's id.
  public var dataset: String
  /// The batch's id.
  public var batch: String
  /// The record's line in its batch (1-based).
  public var record: Int
  /// The ingestion order: batches in the order they were ingested, and lines within a batch.
  ///
  /// Build it with ``LinkOrigin/order(batch:line:)``.
  public var order: Int64

  /// Creates an origin.
  public init(dataset: String, batch: String, record: Int, order: Int64) {
    self.dataset = dataset
    self.batch = batch
    self.record = record
    self.order = order
  }

  /// The ingestion order of line `line` in the `batch`-th batch: later batches are later, and
  /// within a batch a later line is later.
  public static func order(batch: Int, line: Int) -> Int64 {
    Int64(batch) << 32 | Int64(line & 0xFFFF_FFFF)
  }

  /// The batch number encoded in an ingestion order.
  public static func batchNumber(of order: Int64) -> Int { Int(order >> 32) }
}
