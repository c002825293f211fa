import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab identity-rules set`.
  struct IdentityRulesSet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set unique namespaces and the namespace priority.",
      discussion: """
        A unique namespace allows one identity of it per graph; when new data breaks that, the \
        identity optimization algorithm keeps the newest links and drops older links to \
        lower-priority namespaces. Rules apply to data ingested from now on.

        Example: aep-lab identity-rules set --unique CRMID,Email --priority CRMID,Email,Phone,ECID
        """)

    @Option(name: .long, help: "Unique namespaces, comma-separated.")
    var unique = ""

    @Option(name: .long, help: "Namespaces from highest to lowest priority, comma-separated.")
    var priority: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let split = { (text: String) in
        text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        }
      }
      let rules = try sandboxCall { () throws(SandboxError) in
        try sandbox.setIdentityRules(unique: split(unique), priority: split(priority))
      }
      if output.format == .json {
        console.line(IdentityRules.json(rules).serialized(pretty: true))
      } else {
        console.line(
          "Identity graph linking rules set: unique \(rules.uniqueNamespaces.joined(separator: ", ")); "
            + "priority \(rules.priority.joined(separator: " > ")). They apply to data ingested from now on."
        )
      }
    }
  }
}
