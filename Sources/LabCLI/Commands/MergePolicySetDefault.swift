import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy set-default`.
  struct MergePolicySetDefault: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set-default",
      abstract: "Make a merge policy the default (the previous default stops being one).",
      discussion: "Example: aep-lab merge-policy set-default 'Website first'")

    @Argument(help: "The policy's id or name.")
    var policy: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let updated = try sandboxCall { () throws(SandboxError) in
        try sandbox.setDefaultMergePolicy(policy)
      }
      if output.format == .json {
        console.line(WireJSON.render(sandbox.document(for: updated)))
      } else {
        console.line("Default merge policy is now " + MergePolicyCommand.summary(updated) + ".")
      }
    }
  }
}
