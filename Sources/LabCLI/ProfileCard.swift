import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// The readable profile card of `aep-lab profile get`.
enum ProfileCard {
  /// Key attributes, by path, with their labels.
  static let keyAttributes: [(label: String, path: [String])] = [
    ("Gender", ["person", "gender"]),
    ("Birth date", ["person", "birthDate"]),
    ("Email", ["personalEmail", "address"]),
    ("Mobile phone", ["mobilePhone", "number"]),
    ("City", ["homeAddress", "city"]),
    ("Country", ["homeAddress", "country"]),
  ]

  /// The card as text.
  ///
  /// `segmentNames` maps segment ids to the names shown. With `markingRequested`, the identity
  /// the profile was looked up by is marked "asked for".
  static func render(
    _ lookup: ProfileLookup, segmentNames: [String: String] = [:], markingRequested: Bool = true,
    console: Console
  ) -> String {
    let entity = lookup.profile.entity
    var lines: [String] = []
    let first = entity[path: ["person", "name", "firstName"]]?.stringValue
    let last = entity[path: ["person", "name", "lastName"]]?.stringValue
    let name = [first, last].compactMap { $0 }.joined(separator: " ")
    lines.append(console.styled(name.isEmpty ? "(no name)" : name, .bold))
    let policy = lookup.policy
    lines.append(
      "Profile \(lookup.entity?.entityId ?? "?") - merge policy '\(policy.name)' "
        + "(\(policy.attributeMerge.typeName), \(policy.identityGraph.rawValue))")
    lines.append("")
    lines.append(console.styled("Identities (\(lookup.profile.identities.count))", .bold))
    let grouped = Dictionary(grouping: lookup.profile.identities, by: \.namespace)
    let width = grouped.keys.map(\.count).max() ?? 0
    for namespace in grouped.keys.sorted() {
      for identity in grouped[namespace] ?? [] {
        var text =
          "  " + namespace.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + identity.id
        if identity == lookup.profile.primaryIdentity {
          text += console.styled("  (primary)", .dim)
        }
        if markingRequested, identity == lookup.requested {
          text += console.styled("  <- asked for", .cyan)
        }
        lines.append(text)
      }
    }
    lines.append("")
    lines.append(console.styled("Attributes", .bold))
    var table: [(String, String)] = []
    for (label, path) in keyAttributes {
      if let value = entity[path: path] { table.append((label, display(value))) }
    }
    for (path, value) in leaves(entity)
    where path.hasSuffix("loyaltyDetails.level") || path.hasSuffix("loyaltyDetails.points") {
      table.append((path.hasSuffix("level") ? "Loyalty level" : "Loyalty points", display(value)))
    }
    let labelWidth = table.map(\.0.count).max() ?? 0
    for (label, value) in table {
      lines.append(
        "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + value)
    }
    let total = leaves(entity).filter { !$0.0.hasPrefix("identityMap") }.count
    lines.append(console.styled("  \(total) attributes in all; '--format json' shows them.", .dim))
    lines.append("")
    let policyOption = policy.isDefault ? "" : " --merge-policy '\(policy.name)'"
    var events =
      console.styled("Events", .bold) + "  \(lookup.eventCount) (see 'aep-lab profile events --ns "
      + "\(lookup.requested.namespace) --id \(lookup.requested.id)\(policyOption)')"
    if lookup.eventCount == 0, case .dataSetPrecedence = policy.attributeMerge {
      events += "; this merge policy reads only the datasets in its order, events included"
    }
    lines.append(events)
    let segments = entity[path: ["segmentMembership", "ups"]]?.objectValue ?? [:]
    let members = segments.filter { _, value in value["status"]?.stringValue != "exited" }
      .map { id, value in
        "\(segmentNames[id] ?? id) (\(value["status"]?.stringValue ?? "realized"))"
      }
      .sorted()
    lines.append(
      console.styled("Segments", .bold) + "  "
        + (members.isEmpty ? "none yet" : members.joined(separator: ", ")))
    lines.append(
      console.styled("Sources", .bold) + "  \(lookup.profile.sources.count) dataset(s), "
        + "\(lookup.profile.fragmentCount) fragment(s); last modified \(lookup.entity?.lastModifiedAt ?? "?")"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The names of the sandbox's segments by id, for the card's segment line.
  static func segmentNames(in sandbox: Sandbox) -> [String: String] {
    let definitions = (try? sandbox.segmentDefinitions()) ?? []
    return Dictionary(
      definitions.compactMap { definition in definition.id.map { ($0, definition.name) } },
      uniquingKeysWith: { first, _ in first })
  }

  /// A value as short text.
  static func display(_ value: JSONValue) -> String {
    if let text = value.stringValue { return text }
    return value.serialized()
  }

  /// Every leaf of `value` by dotted path.
  static func leaves(_ value: JSONValue, prefix: String = "") -> [(String, JSONValue)] {
    guard case .object(let members) = value else { return [(prefix, value)] }
    return members.keys.sorted().flatMap { key in
      leaves(members[key] ?? .null, prefix: prefix.isEmpty ? key : prefix + "." + key)
    }
  }
}
