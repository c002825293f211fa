import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab identity-rules clear`.
  struct IdentityRulesClear: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clear",
      abstract: "Remove the identity graph linking rules.",
      discussion: "Example: aep-lab identity-rules clear")

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      try sandboxCall { () throws(SandboxError) in try sandbox.clearIdentityRules() }
      Console.current.line(
        "Linking rules cleared: the graph links every identity that shares a record.")
    }
  }
}
