import Foundation
import LabCore

/// A dataset's schema as aep-lab reads it from `schema.json`: its name, XDM class and identity
/// fields.
///
/// For example:
///
/// ```json
/// {"name": "Demo System - Profile Dataset for CRM", "class": "profile",
///  "identities": [{"path": "_experienceplatform.identification.core.crmId",
///                  "namespace": "CRMID", "primary": true}]}
/// ```
public struct DatasetSchema: Sendable, Hashable, Codable {
  /// An identity field: where a record holds an identity value and its namespace.
  public struct IdentityField: Sendable, Hashable, Codable {
    /// The dotted path of the field.
    public var path: String
    /// The namespace code.
    public var namespace: String
    /// Whether it is the primary identity.
    public var primary: Bool?

    /// Creates a field.
    public init(path: String, namespace: String, primary: Bool? = nil) {
      self.path = path
      self.namespace = namespace
      self.primary = primary
    }

    /// The path's keys.
    var keys: [String] { path.split(separator: ".").map(String.init) }
  }

  /// The dataset's name.
  public var name: String
  /// `profile` or `experienceevent`.
  public var recordClass: RecordClass
  /// The identity fields (records' identityMaps count too).
  public var identities: [IdentityField]
  /// A description, if any.
  public var description: String?

  /// Creates a schema.
  public init(
    name: String, recordClass: RecordClass, identities: [IdentityField] = [],
    description: String? = nil
  ) {
    self.name = name
    self.recordClass = recordClass
    self.identities = identities
    self.description = description
  }

  enum CodingKeys: String, CodingKey {
    case name
    case recordClass = "class"
    case identities, description
  }

  /// Reads a schema from JSON text.
  static func parse(_ text: String, path: String) throws(SandboxError) -> DatasetSchema {
    do {
      return try JSONDecoder().decode(DatasetSchema.self, from: Data(text.utf8))
    } catch let DecodingError.dataCorrupted(context) {
      throw .invalidSchema(path: path, reason: context.debugDescription)
    } catch let DecodingError.keyNotFound(key, _) {
      throw .invalidSchema(path: path, reason: "the key '\(key.stringValue)' is missing")
    } catch let DecodingError.typeMismatch(_, context) {
      let location = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw .invalidSchema(path: path, reason: "'\(location)' has the wrong type")
    } catch {
      throw .invalidSchema(path: path, reason: "class must be 'profile' or 'experienceevent'")
    }
  }

  /// The schema as compact JSON text.
  var jsonText: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

/// The XDM class of a dataset.
public enum RecordClass: String, Sendable, Hashable, Codable {
  /// XDM Individual Profile.
  case profile
  /// XDM ExperienceEvent.
  case experienceEvent = "experienceevent"

  /// Reads `profile`, `experienceevent`, `_xdm.context.profile` and similar spellings.
  public init?(parsing text: String) {
    let lowered = text.lowercased()
    if lowered.hasSuffix("profile") {
      self = .profile
    } else if lowered.hasSuffix("experienceevent") || lowered == "event" {
      self = .experienceEvent
    } else {
      return nil
    }
  }
}
