import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab explain`: why the graph and the profile are what they are.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain why two identities are linked, or why a profile has a value.",
      discussion:
        "Example: aep-lab explain value --ns email --id lucas.moreau@example.com homeAddress.city",
      subcommands: [ExplainLink.self, ExplainValue.self])
  }
}
