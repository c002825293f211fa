import LabCore

/// The body of `GET /access/entities` for experience events: one page of a profile's events.
public struct ExperienceEventsResponse: Codable, Sendable, Hashable {
  /// Where this page starts and whether another follows.
  public var page: EventsPage
  /// The events, ordered by timestamp.
  public var children: [ExperienceEventEntity]
  /// The link to the next page (`href` is empty on the last page).
  public var links: PageLinks

  /// Creates a page.
  public init(page: EventsPage, children: [ExperienceEventEntity], links: PageLinks) {
    self.page = page
    self.children = children
    self.links = links
  }

  enum CodingKeys: String, CodingKey {
    case page = "_page"
    case children
    case links = "_links"
  }
}

/// The `_page` object of an events response.
public struct EventsPage: Codable, Sendable, Hashable {
  /// The sort field and direction, such as `timestamp` or `-timestamp`.
  public var orderby: String
  /// The id of the first event on the page.
  public var start: String
  /// The number of events on the page.
  public var count: Int
  /// The id the next page starts at, or `""` on the last page.
  public var next: String

  /// Creates a page description.
  public init(orderby: String, start: String, count: Int, next: String) {
    self.orderby = orderby
    self.start = start
    self.count = count
    self.next = next
  }
}

/// One experience event in an events response.
public struct ExperienceEventEntity: Codable, Sendable, Hashable {
  /// The entity id of the profile fragment the event belongs to.
  public var relatedEntityId: String
  /// The event's `_id`.
  public var entityId: String
  /// The event time, in milliseconds since 1970.
  public var timestamp: Int64
  /// The dataset the event came from.
  public var sourceId: String?
  /// The XDM ExperienceEvent.
  public var entity: JSONValue
  /// When the event was ingested, RFC 3339.
  public var lastModifiedAt: String

  /// Creates an event entry.
  public init(
    relatedEntityId: String, entityId: String, timestamp: Int64, sourceId: String?,
    entity: JSONValue, lastModifiedAt: String
  ) {
    self.relatedEntityId = relatedEntityId
    self.entityId = entityId
    self.timestamp = timestamp
    self.sourceId = sourceId
    self.entity = entity
    self.lastModifiedAt = lastModifiedAt
  }
}

/// The `_links` object of a paged response.
public struct PageLinks: Codable, Sendable, Hashable {
  /// The next page.
  public var next: HrefLink

  /// Creates links.
  public init(next: HrefLink) { self.next = next }
}

/// A link: an `href`, empty when there is nowhere to go.
public struct HrefLink: Codable, Sendable, Hashable {
  /// The relative URL.
  public var href: String

  /// Creates a link.
  public init(href: String) { self.href = href }
}
