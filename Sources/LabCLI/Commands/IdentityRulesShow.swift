import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab identity-rules show`.
  struct IdentityRulesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show the identity graph linking rules.",
      discussion: "Example: aep-lab identity-rules show")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let rules = try sandboxCall { () throws(SandboxError) in try sandbox.identityRules() }
      if output.format == .json {
        console.line(IdentityRules.json(rules).serialized(pretty: true))
      } else if let rules {
        console.line("Unique namespaces: \(rules.uniqueNamespaces.joined(separator: ", "))")
        console.line("Priority: \(rules.priority.joined(separator: " > "))")
      } else {
        console.line("No linking rules: the graph links every identity that shares a record.")
      }
    }
  }
}
