import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy delete`.
  struct MergePolicyDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a merge policy (not the default, not the one active on edge).",
      discussion: "Example: aep-lab merge-policy delete 'CRM first'")

    @Argument(help: "The policy's id or name.")
    var policy: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let deleted = try sandboxCall { () throws(SandboxError) in
        try sandbox.deleteMergePolicy(policy)
      }
      if output.format == .json {
        console.line(WireJSON.render(sandbox.document(for: deleted)))
      } else {
        console.line("Deleted the merge policy '\(deleted.name)'.")
      }
    }
  }
}
