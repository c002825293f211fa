import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab profile`: look up merged profiles and their events.
  struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Look up a merged profile or its experience events by any identity.",
      discussion: "Example: aep-lab profile get --ns email --id lucas.moreau@example.com",
      subcommands: [ProfileGet.self, ProfileEvents.self])
  }
}

/// The identity options shared by the lookup commands.
struct IdentityOptions: ParsableArguments {
  @Option(name: .customLong("ns"), help: "The identity namespace code, e.g. 'email' or 'ECID'.")
  var namespace: String

  @Option(name: .long, help: "The identity value.")
  var id: String
}
