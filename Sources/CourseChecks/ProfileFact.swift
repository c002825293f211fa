import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// One question about a profile whose answer the engine computes: an attribute under a merge
/// policy, a count of events or identities, the last product viewed, the segments it is in.
///
/// For example: `{"key": "loyaltyLevel", "fact": "attribute", "path":
/// "_experienceplatform.loyaltyDetails.level"}` or `{"key": "ecidCount", "fact":
/// "identityCount", "namespace": "ECID"}`.
struct ProfileFact: Decodable, Sendable {
  /// The answer file's key.
  var key: String
  /// `name`, `attribute`, `eventCount`, `identityCount`, `distinctECIDsInEvents`,
  /// `lastProductViewed`, `segments`, `eventTypeCount`.
  var fact: String
  /// The dotted attribute path, for `attribute`.
  var path: String?
  /// The namespace, for `identityCount`.
  var namespace: String?
  /// The event type, for `eventTypeCount`.
  var eventType: String?
  /// A dataSetPrecedence order (dataset names, first wins) to merge with, for `attribute`.
  var datasetOrder: [String]?
  /// What the learner gets told when the answer is wrong.
  var feedback: String?

  /// The engine's answer for the profile of `namespace`/`id` in `sandbox`.
  func answer(namespace: String, id: String, in sandbox: Sandbox) throws(SandboxError)
    -> JSONValue
  {
    switch fact {
    case "name":
      let entity = try sandbox.profile(namespace: namespace, id: id).profile.entity
      let parts = [["firstName"], ["lastName"]].compactMap {
        entity[path: ["person", "name"] + $0]?.stringValue
      }
      return .string(parts.joined(separator: " "))
    case "attribute":
      var policy: String?
      if let order = datasetOrder {
        let name = "check: \(order.joined(separator: " > "))"
        let existing = try sandbox.mergePolicies().policies.first { $0.name == name }
        if let existing {
          policy = existing.id
        } else {
          policy = try sandbox.createMergePolicy(
            name: name, attributeMerge: "dataSetPrecedence", datasetOrder: order,
            identityGraph: "pdg"
          ).id
        }
      }
      let entity = try sandbox.profile(namespace: namespace, id: id, mergePolicy: policy).profile
        .entity
      return entity[path: (path ?? "").split(separator: ".").map(String.init)] ?? .null
    case "eventCount":
      return .number(
        Double(try sandbox.events(namespace: namespace, id: id).response.children.count))
    case "identityCount":
      let identities = try sandbox.profile(namespace: namespace, id: id).profile.identities
      let wanted = self.namespace?.lowercased()
      return .number(
        Double(identities.filter { wanted == nil || $0.namespace.lowercased() == wanted }.count))
    case "distinctECIDsInEvents":
      let events = try sandbox.events(namespace: namespace, id: id).response.children
      let ecids = Set(
        events.compactMap { $0.entity["identityMap"]?["ECID"]?.arrayValue?.first?["id"] })
      return .number(Double(ecids.count))
    case "lastProductViewed":
      let view = try sandbox.callCenterLookupWithoutScreen(namespace: namespace, id: id)
      return view.map(JSONValue.string) ?? .null
    case "segments":
      let entity = try sandbox.profile(namespace: namespace, id: id).profile.entity
      let definitions = try sandbox.segmentDefinitions()
      let memberships = entity[path: ["segmentMembership", "ups"]]?.objectValue ?? [:]
      let names = memberships.filter { $0.value["status"]?.stringValue != "exited" }.keys
        .map { key in definitions.first { $0.id == key }?.name ?? key }.sorted()
      return .array(names.map(JSONValue.string))
    case "eventTypeCount":
      let events = try sandbox.events(namespace: namespace, id: id).response.children
      return .number(
        Double(events.filter { $0.entity["eventType"]?.stringValue == eventType }.count))
    default:
      throw .invalidRequest("The fact '\(fact)' is not one the checks know")
    }
  }

  /// Whether the learner's `given` answer matches the engine's `expected` one: text without
  /// case or surrounding spaces (an absent value is "" or "none"), numbers exactly, lists as
  /// sets.
  static func matches(_ given: JSONValue, _ expected: JSONValue) -> Bool {
    switch (given, expected) {
    case (.string(let text), .null):
      return ["", "none", "null"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    case (.null, .null):
      return true
    case (.string(let text), .string(let wanted)):
      return text.trimmingCharacters(in: .whitespaces).lowercased() == wanted.lowercased()
    case (.number(let number), .number(let wanted)):
      return number == wanted
    case (.string(let text), .number(let wanted)):
      return Double(text.trimmingCharacters(in: .whitespaces)) == wanted
    case (.array(let items), .array(let wanted)):
      let normal = { (values: [JSONValue]) in
        Set(values.compactMap { $0.stringValue?.trimmingCharacters(in: .whitespaces).lowercased() })
      }
      return normal(items) == normal(wanted) && items.count == wanted.count
    case (.bool(let flag), .bool(let wanted)):
      return flag == wanted
    default:
      return false
    }
  }

  /// Whether `given` is still the starter's empty answer.
  static func isEmpty(_ given: JSONValue?) -> Bool {
    switch given {
    case nil, .null?: return true
    case .string(let text)?: return text.isEmpty
    default: return false
    }
  }
}

extension Sandbox {
  /// The name of the last product the profile viewed on any device, without putting the caller
  /// on the call center's screen.
  func callCenterLookupWithoutScreen(namespace: String, id: String) throws(SandboxError)
    -> String?
  {
    let events = try events(namespace: namespace, id: id, selection: .init(newestFirst: true))
    return events.response.children.lazy.compactMap {
      $0.entity["productListItems"]?.arrayValue?.first?["name"]?.stringValue
    }.first
  }
}
