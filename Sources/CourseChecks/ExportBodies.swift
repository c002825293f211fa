import Curriculum
import Foundation
import Identities
import LabCore
import Sandbox

/// What exercise 9's two bodies must hold before they are sent, and how the exported rows
/// must match the segment's members.
enum ExportBodies {
  /// The first structural problem of the dataset-creation body, or `nil`.
  static func datasetFinding(_ body: JSONValue, location: String) -> Finding? {
    guard let name = body["name"]?.stringValue, !name.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      return Finding(
        message: "The dataset has no name.", expected: "a name", found: "nothing",
        location: "\(location) › name",
        fix: "Name it like the module: '<your name> - ProfileSegmentDataset - All Females'.")
    }
    guard body[path: ["schemaRef", "id"]]?.stringValue == SegmentExportChecker.unionSchema else {
      return Finding(
        message: "The dataset's schema is not the profile union schema.",
        expected: SegmentExportChecker.unionSchema,
        found: body[path: ["schemaRef", "id"]]?.serialized() ?? "nothing",
        location: "\(location) › schemaRef.id",
        fix: "A segment's members are merged profiles, so their dataset uses the union of the "
          + "profile schemas.")
    }
    guard body[path: ["fileDescription", "persisted"]]?.boolValue == true else {
      return Finding(
        message: "The dataset is not marked as persisted.", expected: "true",
        found: body[path: ["fileDescription", "persisted"]]?.serialized() ?? "nothing",
        location: "\(location) › fileDescription.persisted",
        fix: "Add \"fileDescription\": {\"persisted\": true, ...} so the rows are kept.")
    }
    return nil
  }

  /// The first structural problem of the export-job body, or `nil`.
  static func jobFinding(_ body: JSONValue, location: String) -> Finding? {
    guard body[path: ["schema", "name"]]?.stringValue == "_xdm.context.profile" else {
      return Finding(
        message: "The export job does not say it exports profiles.",
        expected: "\"schema\": {\"name\": \"_xdm.context.profile\"}",
        found: body["schema"]?.serialized() ?? "nothing", location: "\(location) › schema.name",
        fix: "The 'schema' field is required: it says what kind of record the rows are.")
    }
    let segments = body[path: ["filter", "segments"]]?.arrayValue ?? []
    guard segments.count == 1, let segmentID = segments[0]["segmentId"]?.stringValue else {
      return Finding(
        message: "The export job's filter does not name one segment.",
        expected: "\"filter\": {\"segments\": [{\"segmentId\": \"{{SEGMENT_ID}}\", ...}]}",
        found: body["filter"]?.serialized() ?? "nothing",
        location: "\(location) › filter.segments",
        fix: "Export the members of one segment: the one you created in exercise 7.")
    }
    if let finding = variableFinding(
      segmentID, variable: "SEGMENT_ID", location: "\(location) › filter.segments[0].segmentId")
    {
      return finding
    }
    guard let datasetID = body[path: ["destination", "datasetId"]]?.stringValue else {
      return Finding(
        message: "The export job has no destination dataset.",
        expected: "\"destination\": {\"datasetId\": \"{{DATASET_ID}}\"}",
        found: body["destination"]?.serialized() ?? "nothing",
        location: "\(location) › destination.datasetId",
        fix: "The destination is the dataset that dataset.json creates.")
    }
    return variableFinding(
      datasetID, variable: "DATASET_ID", location: "\(location) › destination.datasetId")
  }

  /// A finding when `value` is not the variable `{{variable}}`: an id written literally
  /// belongs to one sandbox, and the check runs on its own.
  static func variableFinding(_ value: String, variable: String, location: String) -> Finding? {
    let bare = value.replacingOccurrences(of: " ", with: "")
    guard bare != "{{\(variable)}}" else { return nil }
    return Finding(
      message: "The id is written literally; the check runs on a sandbox of its own, where the "
        + "ids differ.",
      expected: "\"{{\(variable)}}\"", found: "\"\(value)\"", location: location,
      fix: "Write \"{{\(variable)}}\", as the module's Postman environment does; the check "
        + "fills in the id of its own run.")
  }

  /// A finding when the exported rows are not exactly one per member.
  static func rowsFinding(rows: [JSONValue], members: [AudienceMember], location: String)
    -> Finding?
  {
    var owner: [String: Int] = [:]
    for (index, member) in members.enumerated() {
      for identity in member.identities { owner[key(identity)] = index }
    }
    var covered = Set<Int>()
    var strangers = 0
    for row in rows {
      let identities = rowIdentities(row)
      if let index = identities.lazy.compactMap({ owner[key($0)] }).first {
        covered.insert(index)
      } else {
        strangers += 1
      }
    }
    guard strangers > 0 || covered.count != members.count || rows.count != members.count else {
      return nil
    }
    return Finding(
      message: "The exported dataset does not hold exactly the segment's members: \(rows.count) "
        + "rows, \(strangers) of them not members, \(members.count - covered.count) members missing.",
      expected: "\(members.count) rows", found: "\(rows.count) rows", location: location,
      fix: "Export the members whose status is \"realized\": 'status': [\"realized\"] in the "
        + "segment filter.")
  }

  /// An identity's key, with the namespace code's case folded as the Platform folds it.
  static func key(_ identity: Identity) -> String {
    "\(identity.namespace.lowercased())|\(identity.id)"
  }

  /// The identities in a row's `identityMap`.
  static func rowIdentities(_ row: JSONValue) -> [Identity] {
    guard case .object(let map) = row["identityMap"] ?? .null else { return [] }
    var result: [Identity] = []
    for (namespace, entries) in map {
      for entry in entries.arrayValue ?? [] {
        if let id = entry["id"]?.stringValue {
          result.append(Identity(namespace: namespace, id: id))
        }
      }
    }
    return result
  }
}
