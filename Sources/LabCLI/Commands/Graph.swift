import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab graph`: identity graphs.
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show identity graphs.",
      discussion: "Example: aep-lab graph show --ns email --id lucas.moreau@example.com",
      subcommands: [GraphShow.self])
  }
}
