import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab namespace list`.
  struct NamespaceList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the identity namespaces (standard and custom).",
      discussion: "Codes match case-insensitively. Example: aep-lab namespace list --format json")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let registry = try sandboxCall { () throws(SandboxError) in try sandbox.registry() }
      if output.format == .json {
        console.line(JSONValue.array(registry.namespaces.map(Self.json)).serialized(pretty: true))
        return
      }
      var table = TextTable(headers: ["CODE", "NAME", "TYPE", "ID", "CUSTOM"])
      for namespace in registry.namespaces {
        table.append([
          namespace.code, namespace.name, namespace.type.displayName, String(namespace.id),
          namespace.isCustom ? "yes" : "",
        ])
      }
      console.write(table.rendered(console: console))
    }

    /// A namespace in the Platform's namespace shape.
    static func json(_ namespace: IdentityNamespace) -> JSONValue {
      .object([
        "id": .number(Double(namespace.id)), "code": .string(namespace.code),
        "name": .string(namespace.name), "description": .string(namespace.description),
        "idType": .string(namespace.type.rawValue), "status": "ACTIVE",
        "custom": .bool(namespace.isCustom),
      ])
    }
  }
}
