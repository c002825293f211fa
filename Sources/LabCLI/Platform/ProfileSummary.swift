import LabCore

/// The human summary of a `GET /access/entities` profile response.
enum ProfileSummary {
  /// Prints the entities in `body`, which is keyed by entity id.
  static func print(_ body: JSONValue, requested: String, console: Console = .current) {
    guard let entities = body.objectValue, !entities.isEmpty else {
      console.line("No profile was returned for '\(requested)'.")
      return
    }
    for (entityID, value) in entities.sorted(by: { $0.key < $1.key }) {
      let entity = value["entity"] ?? [:]
      console.line(console.styled("Profile \(entityID)", .bold) + " (looked up by '\(requested)')")
      var table = TextTable(headers: ["attribute", "value"])
      let name = [
        entity[path: ["person", "name", "firstName"]]?.stringValue,
        entity[path: ["person", "name", "lastName"]]?.stringValue,
      ].compactMap { $0 }.joined(separator: " ")
      if !name.isEmpty { table.append(["name", name]) }
      for (label, path) in [
        ("email", ["personalEmail", "address"]), ("phone", ["mobilePhone", "number"]),
        ("city", ["homeAddress", "city"]), ("country", ["homeAddress", "country"]),
      ] {
        if let value = entity[path: path] { table.append([label, ReplyPrinter.text(value)]) }
      }
      if let identityMap = entity["identityMap"]?.objectValue {
        for (namespace, entries) in identityMap.sorted(by: { $0.key < $1.key }) {
          let ids = (entries.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
          table.append(["identity \(namespace)", ids.joined(separator: ", ")])
        }
      }
      if let graph = value["identityGraph"]?.arrayValue {
        table.append(["identity graph", "\(graph.count) identities"])
      }
      if let segments = entity[path: ["segmentMembership", "ups"]]?.objectValue {
        let statuses = segments.map { "\($0.key): \(ReplyPrinter.text($0.value["status"]))" }
        table.append(["segments", statuses.sorted().joined(separator: ", ")])
      }
      if let sources = value["sources"]?.arrayValue {
        table.append(["sources", sources.map { ReplyPrinter.text($0) }.joined(separator: ", ")])
      }
      table.append(["lastModifiedAt", ReplyPrinter.text(value["lastModifiedAt"])])
      console.write(table.rendered(console: console))
    }
    console.line("Use '--format json' for the whole entity as the Platform sent it.")
  }
}
