/// A record an ingest inserts: a profile fragment or an experience event, with its raw JSON.
///
/// Its batch is given with the chunk it belongs to (``IngestSession/insert(records:batch:)``).
public struct IngestRecord: Sendable, Hashable {
  /// The line in the batch (1-based).
  public var line: Int
  /// Profile or event.
  public var kind: StoredRecord.Kind
  /// The stored id of the identity it is stored against.
  public var identityID: Int64
  /// The event's `_id`.
  public var eventID: String?
  /// The event's time in milliseconds.
  public var eventTime: Int64?
  /// The record as JSON text.
  public var json: String

  /// Creates a record to insert.
  public init(
    line: Int, kind: StoredRecord.Kind, identityID: Int64, eventID: String?, eventTime: Int64?,
    json: String
  ) {
    self.line = line
    self.kind = kind
    self.identityID = identityID
    self.eventID = eventID
    self.eventTime = eventTime
    self.json = json
  }
}
