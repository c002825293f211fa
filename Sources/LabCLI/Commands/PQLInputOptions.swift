import ArgumentParser
import Foundation
import LabCore
import PQL
import PlatformAPI
import Profiles
import Sandbox

/// Where a PQL evaluation's profile, events and `now` come from.
struct PQLInputOptions: ParsableArguments {
  @Option(name: .long, help: "A profile JSON file (a merged XDM profile).")
  var profile: String?

  @Option(name: .long, help: "A JSON file holding an array of ExperienceEvents.")
  var events: String?

  @Option(name: .customLong("ns"), help: "A sandbox identity namespace, with --id.")
  var namespace: String?

  @Option(name: .long, help: "A sandbox identity value, with --ns.")
  var id: String?

  @Option(name: .long, help: "A merge policy id or name for --ns/--id (default: the default).")
  var mergePolicy: String?

  @Option(name: .long, help: "The evaluation time, ISO-8601 (default: the current time).")
  var now: String?

  /// The instant to evaluate at.
  func instant() throws(LabFailure) -> PQLDateTime {
    guard let now else { return PQLDateTime(Date()) }
    return try PQLInput.parseNow(now)
  }

  /// The profile and events named by the options (an empty profile when none is given).
  func load(workspace: WorkspaceOptions) throws(LabFailure) -> PQLInput {
    if namespace != nil || id != nil {
      guard let namespace, let id else {
        throw .usage("Give both '--ns' and '--id' to evaluate against a sandbox profile.")
      }
      guard profile == nil, events == nil else {
        throw .usage("Use either '--ns'/'--id' or '--profile'/'--events', not both.")
      }
      return try PQLInput.sandbox(
        namespace: namespace, id: id, mergePolicy: mergePolicy, workspace: workspace)
    }
    var input = PQLInput(profile: [:], events: [], label: "an empty profile")
    if let profile {
      input.profile = try PQLInput.readJSON(profile, what: "profile")
      guard case .object = input.profile else {
        throw .invalidData("'\(profile)' does not hold a JSON object. A profile is one object.")
      }
      input.label = "'\(profile)'"
    }
    if let events {
      guard case .array(let items) = try PQLInput.readJSON(events, what: "events") else {
        throw .invalidData("'\(events)' does not hold a JSON array. Put the events in '[...]'.")
      }
      input.events = items
    }
    return input
  }
}

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
