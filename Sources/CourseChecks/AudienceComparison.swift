import Curriculum
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// Compares an answer's audience with the reference's on one sandbox, and explains the first
/// difference with one counterexample profile and the values that decide it.
struct AudienceComparison {
  /// Which data the audiences were computed on ("the demo data", "an unseen variant").
  var dataName: String
  /// The answer's members by primary identity.
  var answer: [String: AudienceMember]
  /// The reference's members by primary identity.
  var reference: [String: AudienceMember]

  init(dataName: String, answer: [AudienceMember], reference: [AudienceMember]) {
    self.dataName = dataName
    self.answer = Dictionary(answer.map { (Self.key($0), $0) }, uniquingKeysWith: { a, _ in a })
    self.reference = Dictionary(
      reference.map { (Self.key($0), $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Whether both audiences hold the same profiles.
  var isEqual: Bool { Set(answer.keys) == Set(reference.keys) }

  /// The finding for the first difference, or `nil` when the audiences are equal.
  func finding(location: String, hint: String) -> Finding? {
    let extra = answer.keys.filter { reference[$0] == nil }.sorted()
    let missing = reference.keys.filter { answer[$0] == nil }.sorted()
    guard
      let first = extra.first.map({ (answer[$0], true) })
        ?? missing.first.map({ (reference[$0], false) }),
      let profile = first.0
    else { return nil }
    let wronglyIn = first.1
    let what =
      wronglyIn
      ? "includes a profile it should leave out"
      : "leaves out a profile it should include"
    return Finding(
      message: "On \(dataName), your expression \(what): \(Self.describe(profile)).",
      expected: "\(reference.count) profiles",
      found:
        "\(answer.count) profiles (\(extra.count) too many, \(missing.count) missing)",
      location: location, fix: hint)
  }

  static func key(_ member: AudienceMember) -> String {
    "\(member.primaryIdentity.namespace):\(member.primaryIdentity.id)"
  }

  /// A profile with the values segments of this module decide on: name, gender and the
  /// products its events viewed.
  static func describe(_ member: AudienceMember) -> String {
    let entity = member.entity
    let first = entity[path: ["person", "name", "firstName"]]?.stringValue
    let last = entity[path: ["person", "name", "lastName"]]?.stringValue
    let name = [first, last].compactMap { $0 }.joined(separator: " ")
    let gender = entity[path: ["person", "gender"]]?.stringValue.map { "\"\($0)\"" } ?? "absent"
    let products = member.events.compactMap {
      $0["productListItems"]?.arrayValue?.first?["name"]?.stringValue
    }
    var seen: [String] = []
    for product in products where !seen.contains(product) { seen.append(product) }
    let viewed =
      seen.isEmpty
      ? "no product views"
      : "viewed "
        + seen.prefix(4).map { "\"\($0)\"" }
        .joined(separator: ", ") + (seen.count > 4 ? " and \(seen.count - 4) more" : "")
    let identity = "\(member.primaryIdentity.namespace) \(member.primaryIdentity.id)"
    return (name.isEmpty ? identity : "\(name) (\(identity))")
      + ", person.gender \(gender), \(viewed)"
  }
}
