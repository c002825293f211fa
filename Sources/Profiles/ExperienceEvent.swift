import Identities
import LabCore

/// One experience event: something a person did at a time, such as a product view.
public struct ExperienceEvent: Sendable, Hashable {
  /// The event's `_id`.
  public var id: String
  /// The event's `timestamp`, in milliseconds since 1970.
  public var timestamp: Int64
  /// The dataset it came from.
  public var datasetID: String
  /// The batch it came in.
  public var batchID: String
  /// Its ingestion order.
  public var order: Int64
  /// The identity it is stored against.
  public var primaryIdentity: Identity
  /// The XDM event.
  public var entity: JSONValue

  /// Creates an event.
  public init(
    id: String, timestamp: Int64, datasetID: String, batchID: String, order: Int64,
    primaryIdentity: Identity, entity: JSONValue
  ) {
    self.id = id
    self.timestamp = timestamp
    self.datasetID = datasetID
    self.batchID = batchID
    self.order = order
    self.primaryIdentity = primaryIdentity
    self.entity = entity
  }
}

/// Which events of a profile to return, and in which order.
public struct EventSelection: Sendable, Hashable {
  /// Oldest first (`+timestamp`, the default) or newest first (`-timestamp`).
  public var newestFirst: Bool
  /// Inclusive lower bound in milliseconds.
  public var startTime: Int64?
  /// Exclusive upper bound in milliseconds.
  public var endTime: Int64?
  /// At most this many events (the Platform's default is 1000).
  public var limit: Int

  /// Creates a selection; the defaults are the Platform's.
  public init(
    newestFirst: Bool = false, startTime: Int64? = nil, endTime: Int64? = nil, limit: Int = 1000
  ) {
    self.newestFirst = newestFirst
    self.startTime = startTime
    self.endTime = endTime
    self.limit = limit
  }

  /// The events in the time window, ordered by timestamp, limited; `hasMore` tells whether
  /// the limit cut some off.
  public func apply(to events: [ExperienceEvent]) -> (events: [ExperienceEvent], hasMore: Bool) {
    let inWindow = events.filter { event in
      (startTime.map { event.timestamp >= $0 } ?? true)
        && (endTime.map { event.timestamp < $0 } ?? true)
    }
    var ordered = inWindow.sorted {
      ($0.timestamp, $0.order, $0.id) < ($1.timestamp, $1.order, $1.id)
    }
    if newestFirst { ordered.reverse() }
    let limited = Array(ordered.prefix(max(limit, 0)))
    return (limited, limited.count < ordered.count)
  }
}
