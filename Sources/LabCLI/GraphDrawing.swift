import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

/// The identity graph as terminal text, JSON and Graphviz DOT.
enum GraphDrawing {
  /// `{"identities": [...], "links": [...]}`.
  static func json(_ picture: GraphPicture) -> JSONValue {
    func identity(_ value: Identity) -> JSONValue {
      .object(["namespace": .string(value.namespace), "id": .string(value.id)])
    }
    return .object([
      "identities": .array(picture.identities.map(identity)),
      "links": .array(
        picture.links.map { link in
          var members: [String: JSONValue] = [
            "from": identity(link.from), "to": identity(link.to),
            "dataset": .string(picture.datasetNames[link.origin.dataset] ?? link.origin.dataset),
            "datasetId": .string(link.origin.dataset), "batch": .string(link.origin.batch),
            "record": .number(Double(link.origin.record)),
            "time": .string(picture.batchTimes[link.origin.batch] ?? ""),
            "active": .bool(link.state == .active),
          ]
          if link.state != .active { members["removed"] = .string(link.state.explanation) }
          return .object(members)
        }),
    ])
  }

  /// Graphviz DOT: identities as boxes grouped by namespace, removed links dashed.
  static func dot(_ picture: GraphPicture) -> String {
    func node(_ identity: Identity) -> String { quoted(identity.namespace + ":" + identity.id) }
    var lines = ["graph identities {", "  node [shape=box, fontname=Helvetica];"]
    let grouped = Dictionary(grouping: picture.identities, by: \.namespace)
    for (index, namespace) in grouped.keys.sorted().enumerated() {
      lines.append("  subgraph cluster_\(index) {")
      lines.append("    label=\(quoted(namespace));")
      for identity in grouped[namespace] ?? [] {
        let style = identity == picture.requested ? ", style=bold" : ""
        lines.append(
          "    \(node(identity)) [label=\(quoted(namespace + "\\n" + identity.id))\(style)];")
      }
      lines.append("  }")
    }
    for link in picture.links {
      let dataset = picture.datasetNames[link.origin.dataset] ?? link.origin.dataset
      let style = link.state == .active ? "" : ", style=dashed, color=gray"
      lines.append(
        "  \(node(link.from)) -- \(node(link.to)) [label=\(quoted(dataset))\(style)];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\""
      )
      .replacingOccurrences(of: "\\\\n", with: "\\n") + "\""
  }

  /// The graph drawn as text: identities grouped by namespace with letters, then the links.
  static func text(_ picture: GraphPicture, console: Console) -> String {
    var lines: [String] = []
    let active = picture.links.filter { $0.state == .active }.count
    lines.append(
      console.styled(
        "Identity graph of \(picture.requested.namespace) '\(picture.requested.id)'", .bold)
        + ": \(picture.identities.count) identities, \(active) links")
    var letters: [Identity: String] = [:]
    for (index, identity) in picture.identities.enumerated() { letters[identity] = label(index) }
    let grouped = Dictionary(grouping: picture.identities, by: \.namespace)
    for namespace in grouped.keys.sorted() {
      let info = picture.registry.namespace(for: namespace)
      lines.append("")
      lines.append(
        "  " + console.styled(namespace, .cyan)
          + " (\(info?.name ?? namespace), \(info?.type.displayName.lowercased() ?? "custom"))")
      for identity in grouped[namespace] ?? [] {
        let marker = identity == picture.requested ? console.styled(" <- asked for", .dim) : ""
        lines.append("    [\(letters[identity] ?? "?")] \(identity.id)\(marker)")
      }
    }
    lines.append("")
    lines.append(console.styled("  Links", .bold))
    if picture.links.isEmpty {
      lines.append(
        "    none: this identity was only seen alone (a record with a single identity links nothing)"
      )
    }
    for link in picture.links {
      let from = letters[link.from] ?? "?"
      let to = letters[link.to] ?? "?"
      let dataset = picture.datasetNames[link.origin.dataset] ?? link.origin.dataset
      let edge = link.state == .active ? "[\(from)]----[\(to)]" : "[\(from)]-xx-[\(to)]"
      var text =
        "    \(edge)  \(dataset), \(link.origin.batch) line \(link.origin.record)"
      if let time = picture.batchTimes[link.origin.batch] { text += ", \(time)" }
      if link.state != .active {
        text = console.styled(text + "  (\(link.state.explanation))", .yellow)
      }
      lines.append(text)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A, B, ..., Z, AA, AB, ...
  static func label(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var number = index
    var result = ""
    repeat {
      result = String(letters[number % 26]) + result
      number = number / 26 - 1
    } while number >= 0
    return result
  }
}
