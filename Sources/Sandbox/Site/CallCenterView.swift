import LabCore

/// What the call-center agent sees after looking a customer up: the merged profile in a
/// channel's words.
public struct CallCenterView: Sendable {
  /// A segment the customer belongs to (or left), by name.
  public struct Membership: Sendable, Hashable {
    /// The segment's id.
    public var segmentID: String
    /// Its name, or the id when the segment is gone.
    public var name: String
    /// `realized`, `existing` or `exited`.
    public var status: String
  }

  /// A recent event, for the agent's timeline.
  public struct RecentEvent: Sendable, Hashable {
    /// ISO 8601 time.
    public var time: String
    /// The XDM event type.
    public var eventType: String
    /// `web`, `mobile` or `call center`.
    public var channel: String
    /// A short description: the product, the page or the call topic.
    public var detail: String
  }

  /// The full lookup behind the view.
  public var lookup: ProfileLookup
  /// "First Last", or an empty string when the profile has no name.
  public var name: String
  /// The phone number looked up.
  public var phone: String
  /// The loyalty level, if the customer is a member.
  public var loyaltyLevel: String?
  /// The loyalty points, if the customer is a member.
  public var loyaltyPoints: Int?
  /// The last product viewed on any device, with its channel.
  public var lastProductViewed: (name: String, channel: String, time: String)?
  /// Segment memberships by name.
  public var segments: [Membership]
  /// The newest events first, at most ten.
  public var recentEvents: [RecentEvent]
  /// How many events the profile has in all.
  public var eventCount: Int
}
