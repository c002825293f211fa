import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab merge-policy`: merge policies.
  struct MergePolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge-policy",
      abstract: "Create, list, show, set the default of, or delete merge policies.",
      discussion: """
        A sandbox has at most 5 merge policies, exactly one default and at most one active on \
        edge. It starts with 'Default Timebased' (timestampOrdered, pdg).

        Example: aep-lab merge-policy create --name 'CRM first' --attribute-merge dataSetPrecedence \
        --dataset-order CRM,Loyalty --identity-graph pdg
        """,
      subcommands: [
        MergePolicyCreate.self, MergePolicyList.self, MergePolicyShow.self,
        MergePolicySetDefault.self, MergePolicyDelete.self,
      ])

    /// One line describing `policy`.
    static func summary(_ policy: MergePolicy) -> String {
      var flags: [String] = []
      if policy.isDefault { flags.append("default") }
      if policy.isActiveOnEdge { flags.append("active on edge") }
      return "'\(policy.name)' (\(policy.id)): \(policy.attributeMerge.typeName), "
        + "identity graph \(policy.identityGraph.rawValue)"
        + (flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]")
    }
  }
}
