import Identities

/// Why one record of a batch was refused.
public enum RecordRejection: Error, Sendable, Hashable, CustomStringConvertible {
  /// The line is not valid JSON.
  case malformedJSON(String)
  /// The record is JSON but not an object.
  case notAnObject
  /// The record is larger than the Platform accepts for its class.
  case tooLarge(bytes: Int, limit: Int, recordClass: RecordClass)
  /// An experience event without `_id`.
  case missingEventID
  /// An experience event without a usable `timestamp`.
  case missingTimestamp
  /// A timestamp that is not an ISO 8601 date-time.
  case invalidTimestamp(String)
  /// The record has no identity.
  case noIdentity
  /// An identity was refused.
  case identity(IdentityRefusal)
  /// An identityMap entry is malformed.
  case malformedIdentityMap(String)

  /// The reason as one sentence.
  public var description: String {
    switch self {
    case .malformedJSON(let reason): return "not valid JSON: \(reason)"
    case .notAnObject: return "the record is not a JSON object"
    case .tooLarge(let bytes, let limit, let recordClass):
      let kind = recordClass == .profile ? "a profile record" : "an experience event"
      return "the record is \(bytes) bytes; \(kind) may have at most \(limit) bytes"
    case .missingEventID: return "experience events need an '_id'"
    case .missingTimestamp:
      return "experience events need a 'timestamp' (ISO 8601, for example '2024-05-01T10:00:00Z')"
    case .invalidTimestamp(let text):
      return "the timestamp '\(text)' is not an ISO 8601 date-time such as '2024-05-01T10:00:00Z'"
    case .noIdentity:
      return "the record has no identity (no identity field of the schema and no identityMap entry)"
    case .identity(let refusal): return refusal.description
    case .malformedIdentityMap(let reason): return "the identityMap is malformed: \(reason)"
    }
  }

  /// A stable code for scripts, such as `missingEventID`.
  public var code: String {
    switch self {
    case .malformedJSON: "malformedJSON"
    case .notAnObject: "notAnObject"
    case .tooLarge: "tooLarge"
    case .missingEventID: "missingEventID"
    case .missingTimestamp: "missingTimestamp"
    case .invalidTimestamp: "invalidTimestamp"
    case .noIdentity: "noIdentity"
    case .identity(let refusal):
      switch refusal {
      case .unknownNamespace: "unknownNamespace"
      case .emptyValue: "emptyIdentity"
      case .nullValue: "nullIdentity"
      case .placeholderValue: "placeholderIdentity"
      case .controlCharacter: "controlCharacterInIdentity"
      case .valueTooLong: "identityTooLong"
      case .malformedECID: "malformedECID"
      case .tooManyIdentities: "tooManyIdentities"
      }
    case .malformedIdentityMap: "malformedIdentityMap"
    }
  }
}
