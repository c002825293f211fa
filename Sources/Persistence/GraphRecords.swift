import Identities

/// One identity graph with its records, read in bulk for a segment job.
public struct GraphRecords: Sendable {
  /// The graph's id.
  public var graphID: Int64
  /// Its identities, oldest first.
  public var members: [StoredIdentity]
  /// Its profile fragments, oldest first.
  public var profiles: [StoredRecord]
  /// Its experience events, oldest first.
  public var events: [StoredRecord]

  /// Creates a graph's records.
  public init(
    graphID: Int64, members: [StoredIdentity], profiles: [StoredRecord], events: [StoredRecord]
  ) {
    self.graphID = graphID
    self.members = members
    self.profiles = profiles
    self.events = events
  }
}
