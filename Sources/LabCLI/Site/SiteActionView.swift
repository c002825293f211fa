import Foundation
import Identities
import LabCore
import PlatformAPI
import Profiles
import Sandbox

/// How `aep-lab site` shows what an action did, the Profile Viewer and the call center's
/// screen, as text or as JSON.
enum SiteActionView {
  /// Prints `result` in `format`.
  static func show(_ result: SiteActionResult, format: OutputFormat, sandbox: Sandbox) {
    let console = Console.current
    if format == .json {
      console.line(json(result).serialized(pretty: true))
    } else {
      console.write(render(result, sandbox: sandbox, console: console))
    }
  }

  /// The action as text: what was sent, and who the visitor is now.
  static func render(_ result: SiteActionResult, sandbox: Sandbox, console: Console) -> String {
    var lines: [String] = []
    if result.openedVisit {
      lines.append(
        console.styled("No browser visit was open, so a new private window was opened.", .dim))
    }
    lines.append(console.styled("✓ ", .green) + result.summary + ".")
    for sent in result.sent {
      lines.append("  sent to " + console.styled(sent.dataset, .bold) + ":")
      lines.append("    " + describe(sent.record))
    }
    if let profile = result.profile {
      let identities = profile.profile.identities
      let known = identities.contains { $0.namespace == "Email" || $0.namespace == "Phone" }
      let ecids = identities.filter { $0.namespace == "ECID" }.count
      let names = Set(identities.map(\.namespace)).sorted().joined(separator: ", ")
      let counts =
        "\(identities.count) \(identities.count == 1 ? "identity" : "identities") (\(names); "
        + "\(ecids) ECID\(ecids == 1 ? "" : "s")), \(profile.eventCount) "
        + "event\(profile.eventCount == 1 ? "" : "s")"
      let fromCallCenter = result.sent.contains {
        $0.record["eventType"]?.stringValue == LumaRecords.callEventType
      }
      if fromCallCenter {
        lines.append("  The caller's profile now has \(counts).")
      } else {
        let who = known ? "a known profile" : "an anonymous profile"
        lines.append("  The visitor is now \(who): \(counts).")
      }
      let segments = ProfileCard.segmentNames(in: sandbox)
      let members =
        profile.profile.entity[path: ["segmentMembership", "ups"]]?.objectValue?
        .filter { $0.value["status"]?.stringValue != "exited" }.keys.map { segments[$0] ?? $0 }
        .sorted() ?? []
      if !members.isEmpty {
        lines.append("  In segments: " + members.joined(separator: ", ") + ".")
      }
    }
    lines.append(console.styled("  Next: 'aep-lab site profile-viewer' shows the profile.", .dim))
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line about a record: its event type (or "profile record"), identities and content.
  static func describe(_ record: JSONValue) -> String {
    var parts: [String] = []
    parts.append(
      record["eventType"]?.stringValue ?? "profile record \(record["_id"]?.stringValue ?? "")")
    if let core = record[path: [LumaDatasets.tenant, "identification", "core"]]?.objectValue {
      parts.append(
        core.keys.sorted().map { "\($0)=\(core[$0]?.stringValue ?? "")" }.joined(separator: " "))
    }
    if let product = record["productListItems"]?.arrayValue?.first {
      parts.append(
        "product \(product["name"]?.stringValue ?? "") (\(product["SKU"]?.stringValue ?? ""))")
    } else if let page = record[path: ["web", "webPageDetails", "name"]]?.stringValue {
      parts.append("page \(page)")
    }
    return parts.joined(separator: "  ")
  }

  /// The action as JSON: summary, the records sent, the visit and the visitor's profile.
  static func json(_ result: SiteActionResult) -> JSONValue {
    [
      "summary": .string(result.summary), "openedVisit": .bool(result.openedVisit),
      "sent": .array(
        result.sent.map { ["dataset": .string($0.dataset), "record": $0.record] }),
      "visit": wire(result.visit),
      "profile": result.profile.map(entities) ?? .null,
    ]
  }

  /// The Profile Viewer as text.
  static func render(
    _ viewer: (device: SiteDevice, profile: ProfileLookup, events: EventsLookup),
    kind: SiteDeviceKind, sandbox: Sandbox, console: Console
  ) -> String {
    let place = kind == .web ? "website (browser)" : "app"
    var text =
      console.styled("Profile Viewer", .bold) + " - \(place) visitor, ECID \(viewer.device.ecid)"
      + (viewer.device.email.map { ", logged in as \($0)" } ?? ", not logged in") + "\n\n"
    text += ProfileCard.render(
      viewer.profile, segmentNames: ProfileCard.segmentNames(in: sandbox), console: console)
    text += "\n" + console.styled("Experience events", .bold) + "\n"
    var table = TextTable(headers: ["TIME", "EVENT TYPE", "CHANNEL", "DETAIL", "ECID"])
    for child in viewer.events.response.children {
      let event = child.entity
      table.append([
        event["timestamp"]?.stringValue ?? "", event["eventType"]?.stringValue ?? "",
        event[path: [LumaDatasets.tenant, "interactionDetails", "core", "channel"]]?.stringValue
          ?? "",
        AEPLab.ProfileEvents.detail(event),
        event[path: [LumaDatasets.tenant, "identification", "core", "ecid"]]?.stringValue ?? "",
      ])
    }
    text += table.rendered(console: console)
    return text
  }

  /// The call center's screen as text.
  static func render(_ view: CallCenterView, console: Console) -> String {
    let name = view.name.isEmpty ? "(no name on the profile)" : view.name
    let loyalty: String =
      view.loyaltyLevel.map { "\($0), \(view.loyaltyPoints ?? 0) points" } ?? "not a member"
    let last: String =
      view.lastProductViewed.map { "\($0.name) (\($0.channel), \($0.time))" } ?? "nothing"
    let memberships: [String] = view.segments.map { "\($0.name) (\($0.status))" }
    let segments = memberships.isEmpty ? "none" : memberships.joined(separator: ", ")
    var lines: [String] = [
      console.styled("Call center", .bold) + " - caller \(view.phone)", "",
      "  Customer        " + name,
      "  Loyalty         " + loyalty,
      "  Last viewed     " + last,
      "  Segments        " + segments,
      "  Events          \(view.eventCount)", "",
      console.styled("Recent events", .bold),
    ]
    var table = TextTable(headers: ["TIME", "EVENT TYPE", "CHANNEL", "DETAIL"])
    for event in view.recentEvents {
      table.append([event.time, event.eventType, event.channel, event.detail])
    }
    lines.append(table.rendered(console: console))
    lines.append(
      console.styled(
        "Next: 'aep-lab site callcenter log --topic \"Order status\" --feeling positive'.", .dim))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The call center's screen as JSON.
  static func json(_ view: CallCenterView) -> JSONValue {
    [
      "phone": .string(view.phone), "name": .string(view.name),
      "loyalty": view.loyaltyLevel.map {
        ["level": .string($0), "points": .number(Double(view.loyaltyPoints ?? 0))]
      } ?? .null,
      "lastProductViewed": view.lastProductViewed.map {
        ["name": .string($0.name), "channel": .string($0.channel), "timestamp": .string($0.time)]
      } ?? .null,
      "segments": .array(
        view.segments.map {
          ["id": .string($0.segmentID), "name": .string($0.name), "status": .string($0.status)]
        }),
      "eventCount": .number(Double(view.eventCount)),
      "recentEvents": .array(
        view.recentEvents.map {
          [
            "timestamp": .string($0.time), "eventType": .string($0.eventType),
            "channel": .string($0.channel), "detail": .string($0.detail),
          ]
        }),
      "profile": entities(view.lookup),
    ]
  }

  /// A lookup as the Platform's entities response.
  static func entities(_ lookup: ProfileLookup) -> JSONValue { wire(lookup.response) }

  /// A wire value as JSON.
  static func wire(_ value: some Encodable) -> JSONValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value),
      let json = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
    else { return .null }
    return json
  }
}
