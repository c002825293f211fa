import LabCore

/// What one action on the simulated site did: the records it sent, the visit after it, and the
/// visitor's profile as the Profile Viewer would now show it.
public struct SiteActionResult: Sendable {
  /// One record the action sent, with the dataset it went to.
  public struct SentRecord: Sendable, Hashable {
    /// The dataset's name.
    public var dataset: String
    /// The XDM record.
    public var record: JSONValue
  }

  /// A sentence saying what happened ("Viewed 'Montana Wind Jacket' on the website.").
  public var summary: String
  /// The records sent, in order.
  public var sent: [SentRecord]
  /// The visit after the action.
  public var visit: SiteVisit
  /// Whether the action had to open a new browser visit first.
  public var openedVisit: Bool
  /// The profile of the device's visitor after the action, when it has one.
  public var profile: ProfileLookup?
}
