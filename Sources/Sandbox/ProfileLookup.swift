import Identities
import PlatformAPI
import Profiles

/// One profile lookup's answer: the Platform's response, plus what the CLI's card shows.
public struct ProfileLookup: Sendable, Hashable {
  /// The identity asked for.
  public var requested: Identity
  /// The `/access/entities` response (one entity, keyed by its id).
  public var response: EntitiesResponse
  /// The merged profile.
  public var profile: MergedProfile
  /// The merge policy used.
  public var policy: MergePolicy
  /// How many experience events the profile has.
  public var eventCount: Int

  /// The one entity of the response.
  public var entity: ProfileEntity? { response.values.first }
}

/// One page of a profile's events, plus the identity asked for.
public struct EventsLookup: Sendable, Hashable {
  /// The identity asked for.
  public var requested: Identity
  /// The `/access/entities` events response.
  public var response: ExperienceEventsResponse
  /// The events' primary identities, by event id, for the text view.
  public var identities: [String: Identity]
}
