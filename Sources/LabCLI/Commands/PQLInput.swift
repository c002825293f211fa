import Foundation
import LabCore
import PQL
import PlatformAPI
import Profiles
import Sandbox

/// A profile and its events, ready to evaluate against.
struct PQLInput: Sendable {
  var profile: JSONValue
  var events: [JSONValue]
  /// How the REPL names the profile.
  var label: String

  /// Reads a JSON file, with messages that say what to fix.
  static func readJSON(_ path: String, what: String) throws(LabFailure) -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage("Cannot read the \(what) file '\(path)'. Check the path.")
    }
    do {
      return try JSONParser.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw .invalidData("The \(what) file '\(path)' is not valid JSON: \(error.description).")
    }
  }

  /// Parses an ISO-8601 `--now` or `:now` value.
  static func parseNow(_ text: String) throws(LabFailure) -> PQLDateTime {
    guard let instant = PQLDateTime(iso8601: text) else {
      throw .usage("'\(text)' is not an ISO-8601 time. Use a form like '2025-06-18T12:00:00Z'.")
    }
    return instant
  }

  /// The merged profile and events of a sandbox identity.
  static func sandbox(
    namespace: String, id: String, mergePolicy: String?, workspace: WorkspaceOptions
  ) throws(LabFailure) -> PQLInput {
    let sandbox = try workspace.resolve().openSandbox()
    let lookup = try sandboxCall { () throws(SandboxError) in
      try sandbox.profile(namespace: namespace, id: id, mergePolicy: mergePolicy)
    }
    let events = try sandboxCall { () throws(SandboxError) in
      try sandbox.events(
        namespace: namespace, id: id, mergePolicy: mergePolicy,
        selection: EventSelection(limit: .max))
    }
    let items = events.response.children.map { child -> JSONValue in
      guard case .object(var members) = child.entity else { return child.entity }
      if members["timestamp"] == nil {
        members["timestamp"] = .string(
          PQLDateTime(millisecondsSinceEpoch: child.timestamp).description)
      }
      if members["_id"] == nil { members["_id"] = .string(child.entityId) }
      return .object(members)
    }
    return PQLInput(
      profile: lookup.profile.entity, events: items, label: "\(namespace) '\(id)'")
  }
}
