import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy show`.
  struct MergePolicyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show one merge policy.",
      discussion:
        "--format json prints the Platform's MergePolicy object. Example: aep-lab merge-policy show 'Default Timebased'"
    )

    @Argument(help: "The policy's id or name.")
    var policy: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let found = try sandboxCall { () throws(SandboxError) in try sandbox.mergePolicy(policy) }
      if output.format == .json {
        console.line(WireJSON.render(sandbox.document(for: found)))
        return
      }
      console.line(MergePolicyCommand.summary(found))
      if let order = found.attributeMerge.order {
        let names = try sandboxCall { () throws(SandboxError) in try sandbox.datasets() }
        for (index, id) in order.enumerated() {
          console.line("  \(index + 1). \(names.first { $0.id == id }?.name ?? id)")
        }
      }
    }
  }
}
