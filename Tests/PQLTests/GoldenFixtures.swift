import Foundation
import LabCore

/// The shared inputs of the golden cases.
struct GoldenFixtures: Sendable {
  var profiles: [String: JSONValue]
  var events: [String: [JSONValue]]

  static let shared: GoldenFixtures = {
    let url = GoldenCase.directory.appendingPathComponent("fixtures.json")
    let json = (try? Data(contentsOf: url)).flatMap {
      try? JSONDecoder().decode(JSONValue.self, from: $0)
    }
    let profiles = json?["profiles"]?.objectValue ?? [:]
    let events = (json?["events"]?.objectValue ?? [:]).mapValues { $0.arrayValue ?? [] }
    return GoldenFixtures(profiles: profiles, events: events)
  }()
}
