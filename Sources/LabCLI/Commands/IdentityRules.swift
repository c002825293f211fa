import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab identity-rules`: identity graph linking rules.
  struct IdentityRules: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "identity-rules",
      abstract: "Set, show or clear the identity graph linking rules.",
      discussion:
        "Example: aep-lab identity-rules set --unique CRMID,Email --priority CRMID,Email,Phone,ECID",
      subcommands: [IdentityRulesSet.self, IdentityRulesShow.self, IdentityRulesClear.self])

    /// The rules as JSON.
    static func json(_ rules: IdentityLinkingRules?) -> JSONValue {
      guard let rules else { return .object(["uniqueNamespaces": [], "priority": []]) }
      return .object([
        "uniqueNamespaces": .array(rules.uniqueNamespaces.map(JSONValue.string)),
        "priority": .array(rules.priority.map(JSONValue.string)),
      ])
    }
  }
}
