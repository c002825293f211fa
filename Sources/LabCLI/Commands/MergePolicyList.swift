import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy list`.
  struct MergePolicyList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the merge policies.",
      discussion:
        "--format json prints the Platform's GET /config/mergePolicies response. Example: aep-lab merge-policy list"
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      if output.format == .json {
        let response = try sandboxCall { () throws(SandboxError) in
          try sandbox.mergePoliciesResponse()
        }
        console.line(WireJSON.render(response))
        return
      }
      let policies = try sandboxCall { () throws(SandboxError) in try sandbox.mergePolicies() }
      var table = TextTable(headers: ["NAME", "ATTRIBUTE MERGE", "GRAPH", "DEFAULT", "EDGE", "ID"])
      for policy in policies.policies {
        table.append([
          policy.name, policy.attributeMerge.typeName, policy.identityGraph.rawValue,
          policy.isDefault ? "yes" : "", policy.isActiveOnEdge ? "yes" : "", policy.id,
        ])
      }
      console.write(table.rendered(console: console))
    }
  }
}
