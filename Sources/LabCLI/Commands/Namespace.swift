import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab namespace`: identity namespaces.
  struct Namespace: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List or create identity namespaces.",
      discussion:
        "Example: aep-lab namespace list",
      subcommands: [NamespaceList.self, NamespaceCreate.self])
  }
}
