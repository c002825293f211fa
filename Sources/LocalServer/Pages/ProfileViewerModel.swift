import Foundation
import Identities
import LabCore
import PlatformAPI
import Profiles
import Sandbox

/// What the Profile Viewer panel shows, as the template's context: the device's ECID, the
/// merged profile's identities and key attributes, its events (newest first) and segments.
enum ProfileViewerModel {
  /// The attributes the panel lists, with their labels.
  static let attributes: [(String, [String])] = [
    ("First name", ["person", "name", "firstName"]), ("Last name", ["person", "name", "lastName"]),
    ("Gender", ["person", "gender"]), ("Email", ["personalEmail", "address"]),
    ("Phone", ["mobilePhone", "number"]), ("City", ["homeAddress", "city"]),
    ("Loyalty level", [LumaDatasets.tenant, "loyaltyDetails", "level"]),
  ]

  /// The context for `kind`'s device of `visit`, or `[:]` (no visitor) before it has one.
  static func context(_ sandbox: Sandbox, visit: SiteVisit, kind: SiteDeviceKind) -> [String: Any] {
    guard let viewer = try? sandbox.siteProfileViewer(on: kind, from: .given(visit)) else {
      return [:]
    }
    let entity = viewer.profile.profile.entity
    let identities = viewer.profile.profile.identities
    let known = identities.contains { $0.namespace == "Email" || $0.namespace == "Phone" }
    let names = (try? sandbox.segmentDefinitions()) ?? []
    let segments = (entity[path: ["segmentMembership", "ups"]]?.objectValue ?? [:])
      .filter { $0.value["status"]?.stringValue != "exited" }
      .map { id, _ in names.first { $0.id == id }?.name ?? id }.sorted()
    let events = viewer.events.response.children.reversed().map { child -> [String: Any] in
      let event = child.entity
      let detail = LumaRecords.detail(of: event)
      let channel = LumaRecords.channel(of: event)
      return [
        "time": event["timestamp"]?.stringValue ?? "",
        "type": event["eventType"]?.stringValue ?? "",
        "detail": detail, "channel": channel,
      ]
    }
    return [
      "visitor": [
        "who": known
          ? "A known profile: \(identities.count) identities, \(events.count) events."
          : "An anonymous visitor: only this device's ECID so far.",
        "deviceName": kind == .web ? "browser" : "app",
        "ecid": viewer.device.ecid,
        "identityCount": identities.count,
        "identities": identities.map { ["namespace": $0.namespace, "id": $0.id] },
        "attributes": attributes.compactMap { label, path -> [String: String]? in
          entity[path: path].map { ["label": label, "value": $0.stringValue ?? $0.serialized()] }
        },
        "eventCount": events.count, "events": Array(events.prefix(12)), "segments": segments,
      ] as [String: Any]
    ]
  }
}
