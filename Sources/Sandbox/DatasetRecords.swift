import Foundation

/// Records for one dataset held in memory: its schema and NDJSON lines, ingested as one batch.
///
/// For example, the simulated Luma site sends one product view:
///
/// ```swift
/// let view = DatasetRecords(schema: LumaDatasets.websiteEvents, lines: [event.serialized()])
/// try sandbox.ingest([view])
/// ```
public struct DatasetRecords: Sendable {
  /// The dataset's schema; its name is the dataset's.
  public var schema: DatasetSchema
  /// The records, one JSON object per line.
  public var ndjson: Data
  /// Where the records came from, as the batch's source (`site: product view`).
  public var source: String

  /// Creates the records of `schema` from NDJSON text.
  public init(schema: DatasetSchema, ndjson: Data, source: String) {
    self.schema = schema
    self.ndjson = ndjson
    self.source = source
  }

  /// Creates the records of `schema` from one serialized JSON object per element.
  public init(schema: DatasetSchema, lines: [String], source: String) {
    self.init(schema: schema, ndjson: Data(lines.joined(separator: "\n").utf8), source: source)
  }
}
