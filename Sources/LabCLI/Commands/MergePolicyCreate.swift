import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy create`.
  struct MergePolicyCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create",
      abstract: "Create a merge policy.",
      discussion: """
        Example: aep-lab merge-policy create --name 'Website first' --attribute-merge \
        dataSetPrecedence --dataset-order 'Profile Dataset for Website','Profile Dataset for CRM' \
        --identity-graph pdg
        """)

    @Option(name: .long, help: "The policy's name.")
    var name: String

    @Option(name: .long, help: "'timestampOrdered' or 'dataSetPrecedence'.")
    var attributeMerge: String

    @Option(
      name: .long, help: "For dataSetPrecedence: dataset names or ids, first wins, comma-separated."
    )
    var datasetOrder = ""

    @Option(name: .long, help: "'pdg' (stitch the private graph) or 'none'.")
    var identityGraph = "pdg"

    @Flag(name: .customLong("default"), help: "Make it the default policy.")
    var isDefault = false

    @Flag(name: .long, help: "Make it the policy active on edge.")
    var activeOnEdge = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let order = datasetOrder.split(separator: ",").map {
        String($0).trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      let policy = try sandboxCall { () throws(SandboxError) in
        try sandbox.createMergePolicy(
          name: name, attributeMerge: attributeMerge, datasetOrder: order,
          identityGraph: identityGraph, isDefault: isDefault, isActiveOnEdge: activeOnEdge)
      }
      if output.format == .json {
        console.line(WireJSON.render(sandbox.document(for: policy)))
      } else {
        console.line("Created " + MergePolicyCommand.summary(policy) + ".")
      }
    }
  }
}
