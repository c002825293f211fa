import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab profile get`: one merged profile.
  struct ProfileGet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get",
      abstract: "Show the merged profile of an identity.",
      discussion: """
        Any identity of a person returns the same profile. --format json prints exactly the \
        Platform's GET /access/entities response.

        Example: aep-lab profile get --ns phone --id '+32473622044'
        """)

    @OptionGroup var identity: IdentityOptions

    @Option(name: .long, help: "A merge policy id or name (default: the default policy).")
    var mergePolicy: String?

    @Option(
      name: .long, help: "Attributes to return, comma-separated, e.g. 'person.name,homeAddress'.")
    var fields: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let fieldList = fields?.split(separator: ",").map(String.init) ?? []
      let lookup = try sandboxCall { () throws(SandboxError) in
        try sandbox.profile(
          namespace: identity.namespace, id: identity.id, mergePolicy: mergePolicy,
          fields: fieldList)
      }
      if output.format == .json {
        console.line(WireJSON.render(lookup.response))
      } else {
        console.write(
          ProfileCard.render(
            lookup, segmentNames: ProfileCard.segmentNames(in: sandbox), console: console))
      }
    }
  }
}
