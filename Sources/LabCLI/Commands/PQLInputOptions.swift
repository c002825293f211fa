import ArgumentParser
import Foundation
import LabCore
import PQL

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
