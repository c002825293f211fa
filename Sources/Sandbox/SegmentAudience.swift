import LabCore
import PlatformAPI

/// An estimate with its sample: what `aep-lab segment estimate` and `preview` show.
public struct SegmentAudience: Sendable {
  /// The Platform's estimate body (`GET /estimate/{id}`).
  public var estimate: SegmentEstimate
  /// The Platform's preview body (`GET /preview/{id}`): `results`, `state`, `page`.
  public var preview: JSONValue
  /// Lookups of the sampled profiles, for profile cards.
  public var samples: [ProfileLookup]
}
