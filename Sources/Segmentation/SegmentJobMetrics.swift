import LabCore

/// A segment job's `metrics`, counted as profiles are evaluated.
public struct SegmentJobMetrics: Sendable, Hashable, Codable {
  /// Profiles evaluated (each profile once, whatever the number of segments).
  public var totalProfiles = 0
  /// Profiles evaluated under each merge policy.
  public var totalProfilesByMergePolicy: [String: Int] = [:]
  /// Members (realized or existing) per segment.
  public var segmentedProfileCounter: [String: Int] = [:]
  /// Members per segment, per identity namespace of their identities.
  public var segmentedProfileByNamespaceCounter: [String: [String: Int]] = [:]
  /// Statuses written per segment (`realized`, `existing`, `exited`).
  public var segmentedProfileByStatusCounter: [String: [String: Int]] = [:]
  /// Job start, milliseconds since 1970.
  public var startTimeInMs: Int64 = 0
  /// Job end, milliseconds since 1970.
  public var endTimeInMs: Int64 = 0
  /// Milliseconds spent evaluating profiles (reading and merging excluded).
  public var profileSegmentationTimeInMs: Int64 = 0
  /// How each segment was evaluated (`columnar` or `profiles`), by segment id.
  ///
  /// A lab field, `labEvaluationPath` in the job's metrics; absent from jobs written before it
  /// existed.
  public var evaluationPathBySegment: [String: String]?

  /// Empty metrics.
  public init() {}

  /// Counts one profile's outcome for the segments `evaluated`.
  ///
  /// `namespaces` are the namespace codes of the profile's identities; `previous` its
  /// memberships before the evaluation.
  public mutating func count(
    _ outcome: SegmentOutcome, evaluated: [String], namespaces: Set<String>,
    previous: [String: SegmentMembership]
  ) {
    for id in evaluated {
      let membership = outcome.memberships[id]
      if membership?.status.isMember == true {
        segmentedProfileCounter[id, default: 0] += 1
        for namespace in namespaces {
          segmentedProfileByNamespaceCounter[id, default: [:]][namespace, default: 0] += 1
        }
      }
      if let membership, membership != previous[id] {
        segmentedProfileByStatusCounter[id, default: [:]][membership.status.rawValue, default: 0] +=
          1
      }
    }
  }

  /// The Platform's `metrics` object.
  public var json: JSONValue {
    func counts(_ map: [String: Int]) -> JSONValue {
      .object(map.mapValues { .number(Double($0)) })
    }
    let total = endTimeInMs >= startTimeInMs ? endTimeInMs - startTimeInMs : 0
    return [
      "totalTime": [
        "startTimeInMs": .number(Double(startTimeInMs)),
        "endTimeInMs": .number(Double(endTimeInMs)),
        "totalTimeInMs": .number(Double(total)),
      ],
      "profileSegmentationTime": [
        "startTimeInMs": .number(Double(startTimeInMs)),
        "endTimeInMs": .number(Double(startTimeInMs + profileSegmentationTimeInMs)),
        "totalTimeInMs": .number(Double(profileSegmentationTimeInMs)),
      ],
      "totalProfiles": .number(Double(totalProfiles)),
      "totalProfilesByMergePolicy": counts(totalProfilesByMergePolicy),
      "segmentedProfileCounter": counts(segmentedProfileCounter),
      "segmentedProfileByNamespaceCounter": .object(
        segmentedProfileByNamespaceCounter.mapValues(counts)),
      "segmentedProfileByStatusCounter": .object(segmentedProfileByStatusCounter.mapValues(counts)),
      "labEvaluationPath": .object((evaluationPathBySegment ?? [:]).mapValues { .string($0) }),
    ]
  }
}
