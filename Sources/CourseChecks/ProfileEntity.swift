import Foundation
import LabCore

/// The one profile in a `GET /access/entities` answer (`{"<id>": {"entity": ...}}`): what two
/// lookups must share to be "the same profile".
struct ProfileEntity: Equatable {
  /// The key the profile is answered under.
  var entityID: String
  /// The merged attributes.
  var entity: JSONValue

  /// Reads the first profile of a response body; `nil` when there is none.
  init?(_ body: [UInt8]) {
    guard case .object(let members) = try? JSONParser.parse(String(decoding: body, as: UTF8.self)),
      let (key, value) = members.min(by: { $0.key < $1.key }),
      let entity = value["entity"]
    else { return nil }
    entityID = key
    self.entity = entity
  }

  /// The profile in a few words: its name and key.
  var summary: String {
    let first = entity[path: ["person", "name", "firstName"]]?.stringValue ?? ""
    let last = entity[path: ["person", "name", "lastName"]]?.stringValue ?? ""
    let name = "\(first) \(last)".trimmingCharacters(in: .whitespaces)
    return name.isEmpty ? "the profile \(entityID)" : "\(name) (\(entityID))"
  }
}
